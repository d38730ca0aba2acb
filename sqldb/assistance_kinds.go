package sqldb

import (
	"fmt"

	"hezuo"
)

// The assistance platform's kinds (包村联户, 结对帮扶): units and their
// village pairings, households and their pairings with party members.

const (
	placeUnit  = "unit" // a unit's seat (auditPlaces only)
	placeHouse = "household"
)

var (
	_ = addPlace(placeHouse, &placeKind{name: "农户", queries: []string{`SELECT no, village FROM households WHERE no IN (%s)`}})

	_ = addKind(kind{field: "Units", rank: 100, platform: true, load: (*platformLoader).loadUnits,
		dump: func(d *dumping) error {
			return d.rows(`SELECT code, name, county, township, department FROM units WHERE county BETWEEN ? AND ? ORDER BY code`, []any{d.lo6, d.hi6}, collect(&d.ds.Units, func(r rowScanner, u *hezuo.Unit) error {
				return r.Scan(&u.Code, &u.Name, &u.County, &u.Township, &u.Department)
			}))
		},
		none: map[string]string{"reach": "only county administrators import units (importReach)"},
	}, records[hezuo.Unit]{list: func(d *hezuo.Dataset) []hezuo.Unit { return d.Units }, entity: "unit",
		keys:   func(u *hezuo.Unit) []string { return []string{u.Code} },
		show:   func(u *hezuo.Unit, _ *auditPlaces) (string, string) { return u.Code, u.Seat() },
		places: func(u *hezuo.Unit, p *auditPlaces) { p.set(placeUnit, u.Code, u.Seat()) },
	})

	_ = addKind(kind{field: "UnitPairings", rank: 110, platform: true, load: (*platformLoader).loadUnitPairings,
		dump: func(d *dumping) error {
			return d.rows(`SELECT u.code, coalesce(o.org_no, ''), coalesce(up.village, ''), up.note, up.valid_from, up.valid_to FROM unit_pairings up
			JOIN units u ON u.id = up.unit_id LEFT JOIN orgs o ON o.id = up.org_id
			WHERE coalesce(o.village, up.village) BETWEEN ? AND ? ORDER BY u.code, up.target, up.valid_from`, d.sa, collect(&d.ds.UnitPairings, func(r rowScanner, p *hezuo.UnitPairing) error {
				return r.Scan(&p.Unit, &p.OrgNo, &p.Village, &p.Note, &p.From, &p.To)
			}))
		},
	}, records[hezuo.UnitPairing]{list: func(d *hezuo.Dataset) []hezuo.UnitPairing { return d.UnitPairings },
		probe: func(p *hezuo.UnitPairing, probe *hezuo.Dataset) { // its org's village places it
			if p.OrgNo != "" {
				probe.Orgs = append(probe.Orgs, hezuo.Org{OrgNo: p.OrgNo})
			}
		},
		entity: "unit_pairing",
		keys:   func(u *hezuo.UnitPairing) []string { return []string{key(u.Unit, u.Target(), u.From.String())} },
		show: func(u *hezuo.UnitPairing, p *auditPlaces) (string, string) {
			if u.Village != "" {
				return u.Unit + "→" + u.Target(), u.Village
			}
			return u.Unit + "→" + u.Target(), p.at(placeOrg, u.OrgNo)
		},
		reach: func(p *hezuo.UnitPairing, r *reachRefs) {
			r.code(p.Village)
			r.ref(placeOrg, p.OrgNo)
		},
	})

	_ = addKind(kind{field: "Households", rank: 120, platform: true, load: (*platformLoader).loadHouseholds,
		dump: func(d *dumping) error {
			return d.rows(`SELECT no, head, village, size, poverty, left_poverty_on, people_out FROM households WHERE village BETWEEN ? AND ? ORDER BY no`, d.sa, collect(&d.ds.Households, func(r rowScanner, h *hezuo.Household) error {
				return r.Scan(&h.No, &h.Head, &h.Village, &h.Size, &h.Poverty, &h.LeftPovertyOn, &h.PeopleOut)
			}))
		},
	}, records[hezuo.Household]{list: func(d *hezuo.Dataset) []hezuo.Household { return d.Households }, entity: "household",
		keys: func(h *hezuo.Household) []string { return []string{h.No} },
		show: func(h *hezuo.Household, _ *auditPlaces) (string, string) { return h.No, h.Village },
		reach: func(h *hezuo.Household, r *reachRefs) {
			r.code(h.Village)
			r.ref(placeHouse, h.No)
		},
		places: func(h *hezuo.Household, p *auditPlaces) { p.set(placeHouse, h.No, h.Village) },
	})

	_ = addKind(kind{field: "HouseholdPairings", rank: 130, platform: true, load: (*platformLoader).loadHouseholdPairings,
		dump: func(d *dumping) error {
			return d.rows(`SELECT pe.id_sealed, h.no, coalesce(o.org_no, ''), hp.help, hp.valid_from, hp.valid_to FROM household_pairings hp
			JOIN people pe ON pe.id = hp.person_id JOIN households h ON h.id = hp.household_id LEFT JOIN orgs o ON o.id = hp.org_id
			WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, hp.valid_from`, d.sa, collect(&d.ds.HouseholdPairings, func(r rowScanner, p *hezuo.HouseholdPairing) error {
				return r.Scan(d.db.opened(&p.IDNumber), &p.Household, &p.OrgNo, &p.Help, &p.From, &p.To)
			}))
		},
	}, records[hezuo.HouseholdPairing]{list: func(d *hezuo.Dataset) []hezuo.HouseholdPairing { return d.HouseholdPairings }, entity: "household_pairing",
		keys: func(h *hezuo.HouseholdPairing) []string {
			return []string{key(h.IDNumber, h.Household, h.From.String())}
		},
		show: func(h *hezuo.HouseholdPairing, p *auditPlaces) (string, string) {
			return h.IDNumber + "→" + h.Household, p.at(placeHouse, h.Household)
		},
		reach: func(p *hezuo.HouseholdPairing, r *reachRefs) {
			r.ref(placeHouse, p.Household)
			r.ref(placePerson, p.IDNumber)
			r.ref(placeOrg, p.OrgNo)
		},
	})
)

func (p *platformLoader) loadUnits(ds *hezuo.Dataset) error {
	for i := range ds.Units {
		u := &ds.Units[i]
		if err := u.Validate(); err != nil {
			return err
		}
		id, err := p.returning(`INSERT INTO units (county, code, name, township, department) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET county = excluded.county, name = excluded.name, township = excluded.township,
				department = excluded.department RETURNING id`, u.County, u.Code, u.Name, u.Township, u.Department)
		if err != nil {
			return fmt.Errorf("unit %s: %w", u.Code, err)
		}
		p.units[u.Code] = id
	}
	return nil
}

func (p *platformLoader) loadUnitPairings(ds *hezuo.Dataset) error {
	for i := range ds.UnitPairings {
		up := &ds.UnitPairings[i]
		if err := up.Validate(); err != nil {
			return err
		}
		rec := fmt.Sprintf("包村联户 %s→%s", up.Unit, up.Target())
		uid, err := p.unitID(rec, "unit", up.Unit)
		if err != nil {
			return err
		}
		var org int64
		county := ""
		if up.OrgNo != "" {
			if org, err = p.orgID(rec, "org_id", up.OrgNo); err != nil {
				return err
			}
			county = p.countyOf(`SELECT county FROM orgs WHERE id = ?`, org)
		} else {
			if err := p.village(rec, "village", up.Village); err != nil {
				return err
			}
			county = up.Village[:6]
		}
		if err := p.exec(`INSERT INTO unit_pairings (county, unit_id, org_id, village, target, note, valid_from, valid_to)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (unit_id, target, valid_from) DO UPDATE SET note = excluded.note, valid_to = excluded.valid_to`,
			county, uid, nullID(org), nullStr(up.Village), up.Target(), up.Note, up.From, up.To); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}

func (p *platformLoader) loadHouseholds(ds *hezuo.Dataset) error {
	for i := range ds.Households {
		h := &ds.Households[i]
		if err := h.Validate(); err != nil {
			return err
		}
		if err := p.village("农户 "+h.No, "village", h.Village); err != nil {
			return err
		}
		id, err := p.returning(`INSERT INTO households (county, no, head, village, size, poverty, left_poverty_on, people_out)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (no) DO UPDATE SET county = excluded.county, head = excluded.head, village = excluded.village,
				size = excluded.size, poverty = excluded.poverty, left_poverty_on = excluded.left_poverty_on,
				people_out = excluded.people_out RETURNING id`,
			h.Village[:6], h.No, h.Head, h.Village, h.Size, h.Poverty, h.LeftPovertyOn, h.PeopleOut)
		if err != nil {
			return fmt.Errorf("household %s: %w", h.No, err)
		}
		p.households[h.No] = id
	}
	return nil
}

func (p *platformLoader) loadHouseholdPairings(ds *hezuo.Dataset) error {
	for i := range ds.HouseholdPairings {
		hp := &ds.HouseholdPairings[i]
		if err := hp.Validate(); err != nil {
			return err
		}
		rec := fmt.Sprintf("结对帮扶 %s→%s", hezuo.MaskIDNumber(hp.IDNumber), hp.Household)
		pid, err := p.partyMember(rec, hp.IDNumber, hp.From, "结对帮扶", "be paired with a household")
		if err != nil {
			return err
		}
		hid, err := p.householdID(rec, "household", hp.Household)
		if err != nil {
			return err
		}
		org, err := p.optOrgID(rec, "org_id", hp.OrgNo)
		if err != nil {
			return err
		}
		if err := p.exec(`INSERT INTO household_pairings (county, person_id, household_id, org_id, help, valid_from, valid_to)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (person_id, household_id, valid_from) DO UPDATE SET org_id = excluded.org_id, help = excluded.help,
				valid_to = excluded.valid_to`,
			p.countyOf(`SELECT county FROM households WHERE id = ?`, hid), pid, hid, nullID(org), hp.Help, hp.From, hp.To); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}
