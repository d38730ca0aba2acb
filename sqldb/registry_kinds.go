package sqldb

import (
	"slices"

	"hezuo"
)

// The registry's kinds: settings, divisions, orgs, people, party
// organizations and departments (their memberships, status, posts and
// instructors in registry_roles_kinds.go). Import writes people,
// memberships, party status and officers its own way (own, load.go).

// probeAll adds src to a probe's list: shared while it is the only one,
// copied on a later append.
func probeAll[T any](dst *[]T, src []T) {
	if *dst == nil {
		*dst = slices.Clip(src)
	} else {
		*dst = append(*dst, src...)
	}
}

const countyAdminsOnly = "only county administrators import it (importReach)"

var (
	_ = addKind(kind{field: "Settings", rank: 0, load: (*platformLoader).settings,
		none: map[string]string{"dump": "the settings page shows them; not part of a county's records",
			"audit": "an import writes no entry for settings", "reach": countyAdminsOnly}})

	_ = addKind(kind{field: "Divisions", rank: 10, load: (*platformLoader).loadDivisions,
		dump: func(d *dumping) error {
			return d.rows(`SELECT code, name FROM divisions WHERE code BETWEEN ? AND ? ORDER BY code`, d.sa, collect(&d.ds.Divisions, func(r rowScanner, v *hezuo.Division) error {
				return r.Scan(&v.Code, &v.Name)
			}))
		},
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.Divisions, ds.Divisions) },
	}, records[hezuo.Division]{list: func(d *hezuo.Dataset) []hezuo.Division { return d.Divisions }, entity: "division",
		keys:  func(d *hezuo.Division) []string { return []string{divisionCode(d.Code)} },
		show:  func(d *hezuo.Division, _ *auditPlaces) (string, string) { c := divisionCode(d.Code); return c, c },
		reach: func(d *hezuo.Division, r *reachRefs) { r.code(d.Code) },
	})

	_ = addKind(kind{field: "Orgs", rank: 20, load: (*platformLoader).loadOrgs,
		dump:  func(d *dumping) error { return d.db.dumpOrgs(d.ctx, d.sa, d.ds) },
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.Orgs, ds.Orgs) },
	}, records[hezuo.Org]{list: func(d *hezuo.Dataset) []hezuo.Org { return d.Orgs }, entity: "org",
		keys: func(o *hezuo.Org) []string { return []string{o.OrgNo} },
		show: func(o *hezuo.Org, _ *auditPlaces) (string, string) { return o.OrgNo, o.Village },
		reach: func(o *hezuo.Org, r *reachRefs) {
			r.code(o.Village)
			r.code(o.Villages...)
			r.ref(placeOrg, o.OrgNo)
		},
		places: func(o *hezuo.Org, p *auditPlaces) { p.set(placeOrg, o.OrgNo, o.Village) },
	})

	_ = addKind(kind{field: "People", rank: 30, load: func(p *platformLoader, ds *hezuo.Dataset) error { return p.own.people(ds) },
		dump: func(d *dumping) error { return d.db.dumpPeople(d.ctx, d.sa, d.ds) },
		// With plain, people without an ID are new (a stored one would fail
		// the attempt): not looked for, a roster's 100,000 new people in 200
		// queries.
		probe: func(ds, probe *hezuo.Dataset, plain bool) {
			if !plain {
				probeAll(&probe.People, ds.People)
				return
			}
			for _, p := range ds.People {
				if p.ID != 0 {
					probe.People = append(probe.People, p)
				}
			}
		},
	}, records[hezuo.Person]{list: func(d *hezuo.Dataset) []hezuo.Person { return d.People }, entity: "person",
		keys: func(x *hezuo.Person) []string { return []string{x.IDNumber} },
		show: func(x *hezuo.Person, p *auditPlaces) (string, string) {
			return hezuo.MaskIDNumber(x.IDNumber), p.at(placePerson, x.IDNumber)
		},
		view: func(x hezuo.Person) any { return x.Masked() },
		reach: func(p *hezuo.Person, r *reachRefs) {
			r.code(p.Village)
			r.ref(placePerson, p.IDNumber)
		},
		places: func(x *hezuo.Person, p *auditPlaces) { p.set(placePerson, x.IDNumber, x.Village) },
	})

	_ = addKind(kind{field: "PartyOrgs", rank: 40, load: (*platformLoader).loadPartyOrgs,
		dump:  func(d *dumping) error { return d.db.dumpPartyOrgs(d.ctx, d.sa, d.ds) },
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.PartyOrgs, ds.PartyOrgs) },
	}, records[hezuo.PartyOrg]{list: func(d *hezuo.Dataset) []hezuo.PartyOrg { return d.PartyOrgs }, entity: "party_org",
		keys: func(o *hezuo.PartyOrg) []string { return []string{o.No} },
		show: func(o *hezuo.PartyOrg, _ *auditPlaces) (string, string) { return o.No, o.Seat },
		reach: func(p *hezuo.PartyOrg, r *reachRefs) {
			r.code(p.Seat)
			r.code(p.Villages...)
			r.ref(placePartyOrg, p.No, p.Parent, p.Manager)
			r.ref(placeOrg, p.Orgs...)
		},
		places: func(o *hezuo.PartyOrg, p *auditPlaces) { p.set(placePartyOrg, o.No, o.Seat) },
	})

	_ = addKind(kind{field: "Departments", rank: 50, load: (*platformLoader).loadDepartments,
		dump: func(d *dumping) error { return d.db.dumpDepartments(d.ctx, d.lo6, d.hi6, d.ds) },
		none: map[string]string{"audit": "an import writes no entry for departments", "reach": countyAdminsOnly},
	})
)
