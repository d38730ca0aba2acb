package sqldb

import (
	"hezuo"
)

// The registry's kinds of people's roles: memberships of orgs, party
// status, posts in party organizations (officers), instructors and their
// dispatches to orgs.

var (
	_ = addKind(kind{field: "Memberships", rank: 60, load: func(p *platformLoader, ds *hezuo.Dataset) error { return p.own.memberships(ds) },
		dump: func(d *dumping) error {
			return d.rows(`SELECT p.id_sealed, o.org_no, m.role, m.valid_from, m.valid_to FROM memberships m
				JOIN orgs o ON o.id = m.org_id JOIN people p ON p.id = m.person_id
				WHERE o.village BETWEEN ? AND ? ORDER BY o.org_no, p.id, m.valid_from`, d.sa, collect(&d.ds.Memberships, func(r rowScanner, m *hezuo.Membership) error {
				return r.Scan(d.db.opened(&m.IDNumber), &m.OrgNo, &m.Role, &m.From, &m.To)
			}))
		},
		// With plain, memberships without an ID are new: only their orgs
		// are read, to place them.
		probe: func(ds, probe *hezuo.Dataset, plain bool) {
			if !plain {
				probeAll(&probe.Memberships, ds.Memberships)
				return
			}
			var orgs keySet
			for _, m := range ds.Memberships {
				if m.ID != 0 {
					probe.Memberships = append(probe.Memberships, m)
				} else {
					orgs.add(m.OrgNo)
				}
			}
			for _, no := range orgs.list {
				probe.Orgs = append(probe.Orgs, hezuo.Org{OrgNo: no.(string)})
			}
		},
		placed: placeByMemberships,
	}, records[hezuo.Membership]{list: func(d *hezuo.Dataset) []hezuo.Membership { return d.Memberships }, entity: "membership",
		keys: func(m *hezuo.Membership) []string { return idKey(m.ID, key(m.IDNumber, m.OrgNo, m.From.String())) },
		show: func(m *hezuo.Membership, p *auditPlaces) (string, string) {
			return m.OrgNo + " " + m.IDNumber, p.at(placeOrg, m.OrgNo)
		},
		reach: func(m *hezuo.Membership, r *reachRefs) {
			r.ref(placeOrg, m.OrgNo)
			r.ref(placePerson, m.IDNumber)
		},
	})

	_ = addKind(kind{field: "PartyStatus", rank: 70, load: func(p *platformLoader, ds *hezuo.Dataset) error { return p.own.partyStatus(ds) },
		dump: func(d *dumping) error {
			return d.rows(`SELECT p.id_sealed, s.status, coalesce(h.no, ''), s.valid_from, s.valid_to, s.from_unknown FROM party_status s
				JOIN people p ON p.id = s.person_id LEFT JOIN party_orgs h ON h.id = s.home_party_org_id
				WHERE s.person_id IN (`+peopleInScope+`) ORDER BY p.id_sealed, s.valid_from, s.status`, peopleArgs(d.sa), collect(&d.ds.PartyStatus, func(r rowScanner, s *hezuo.PartyStatus) error {
				return r.Scan(d.db.opened(&s.IDNumber), &s.Status, &s.HomePartyOrg, &s.From, &s.To, &s.FromUnknown)
			}))
		},
		probe: func(ds, probe *hezuo.Dataset, plain bool) { // with plain, steps without an ID are new
			if !plain {
				probeAll(&probe.PartyStatus, ds.PartyStatus)
				return
			}
			for _, s := range ds.PartyStatus {
				if s.ID != 0 {
					probe.PartyStatus = append(probe.PartyStatus, s)
				}
			}
		},
	}, records[hezuo.PartyStatus]{list: func(d *hezuo.Dataset) []hezuo.PartyStatus { return d.PartyStatus }, entity: "party_status",
		keys: func(s *hezuo.PartyStatus) []string { return idKey(s.ID, key(s.IDNumber, s.Status, s.From.String())) },
		show: func(s *hezuo.PartyStatus, p *auditPlaces) (string, string) {
			return s.IDNumber + " " + s.Status + " " + s.From.String(), p.at(placePerson, s.IDNumber)
		},
		reach: func(s *hezuo.PartyStatus, r *reachRefs) {
			r.ref(placePerson, s.IDNumber)
			r.ref(placePartyOrg, s.HomePartyOrg)
		},
	})

	_ = addKind(kind{field: "Officers", rank: 80, load: func(p *platformLoader, ds *hezuo.Dataset) error { return p.own.officers(ds) },
		dump: func(d *dumping) error {
			return d.rows(`SELECT po.no, p.id_sealed, f.role, f.duty, f.valid_from, f.valid_to FROM officers f
				JOIN party_orgs po ON po.id = f.party_org_id JOIN people p ON p.id = f.person_id
				WHERE f.party_org_id IN (`+partyOrgsInScope+`) ORDER BY po.no, f.valid_from, p.id_sealed, f.role`, append(append([]any{}, d.sa...), d.sa...),
				collect(&d.ds.Officers, func(r rowScanner, o *hezuo.Officer) error {
					return r.Scan(&o.PartyOrg, d.db.opened(&o.IDNumber), &o.Role, &o.Duty, &o.From, &o.To)
				}))
		},
	}, records[hezuo.Officer]{list: func(d *hezuo.Dataset) []hezuo.Officer { return d.Officers },
		probe: func(o *hezuo.Officer, probe *hezuo.Dataset) { // the posts as stored, and their party organizations' seats
			probe.Officers = append(probe.Officers, *o)
			probe.PartyOrgs = append(probe.PartyOrgs, hezuo.PartyOrg{No: o.PartyOrg})
		},
		entity: "officer", // as the party organization form names a post
		keys: func(o *hezuo.Officer) []string {
			return []string{o.PartyOrg + "|" + o.IDNumber + "|" + o.Role + "|" + o.From.String()}
		},
		show: func(o *hezuo.Officer, p *auditPlaces) (string, string) {
			return o.PartyOrg + " " + hezuo.MaskIDNumber(o.IDNumber) + " " + o.Role, p.at(placePartyOrg, o.PartyOrg)
		},
		reach: func(o *hezuo.Officer, r *reachRefs) {
			r.ref(placePartyOrg, o.PartyOrg)
			r.ref(placePerson, o.IDNumber)
		},
	})

	_ = addKind(kind{field: "Instructors", rank: 90, load: (*platformLoader).loadInstructors,
		dump: func(d *dumping) error {
			return d.rows(`SELECT p.id_sealed, i.township, i.unit FROM instructors i JOIN people p ON p.id = i.person_id
				WHERE i.township BETWEEN ? AND ? OR i.id IN (SELECT d.instructor_id FROM dispatches d JOIN orgs o ON o.id = d.org_id
				WHERE o.village BETWEEN ? AND ?) ORDER BY p.id`, []any{d.sa[0].(string)[:9], d.sa[1].(string)[:9], d.sa[0], d.sa[1]},
				collect(&d.ds.Instructors, func(r rowScanner, in *hezuo.Instructor) error {
					return r.Scan(d.db.opened(&in.IDNumber), &in.Township, &in.Unit)
				}))
		},
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.Instructors, ds.Instructors) },
		placed: func(_ *importer, ds, _ *hezuo.Dataset, p *auditPlaces) error { // imported as people too: by their township
			for _, in := range ds.Instructors {
				if p.at(placePerson, in.IDNumber) == "" && in.Township != "" {
					p.set(placePerson, in.IDNumber, in.Township+"000")
				}
			}
			return nil
		},
	}, records[hezuo.Instructor]{list: func(d *hezuo.Dataset) []hezuo.Instructor { return d.Instructors }, entity: "instructor",
		keys: func(in *hezuo.Instructor) []string { return []string{in.IDNumber} },
		show: func(in *hezuo.Instructor, _ *auditPlaces) (string, string) { return in.IDNumber, in.Township + "000" },
		reach: func(in *hezuo.Instructor, r *reachRefs) {
			if len(in.Township) == 9 {
				r.code(in.Township + "000")
			} else {
				r.code(in.Township)
			}
			r.ref(placePerson, in.IDNumber)
			r.ref(placeInstr, in.IDNumber)
		},
	})

	_ = addKind(kind{field: "Dispatches", rank: 95, load: (*platformLoader).loadDispatches,
		dump: func(d *dumping) error {
			return d.rows(`SELECT p.id_sealed, o.org_no, d.valid_from, d.valid_to FROM dispatches d
				JOIN instructors i ON i.id = d.instructor_id JOIN people p ON p.id = i.person_id JOIN orgs o ON o.id = d.org_id
				WHERE o.village BETWEEN ? AND ? ORDER BY o.org_no, d.valid_from, p.id`, d.sa, collect(&d.ds.Dispatches, func(r rowScanner, x *hezuo.Dispatch) error {
				return r.Scan(d.db.opened(&x.IDNumber), &x.OrgNo, &x.From, &x.To)
			}))
		},
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.Dispatches, ds.Dispatches) },
	}, records[hezuo.Dispatch]{list: func(d *hezuo.Dataset) []hezuo.Dispatch { return d.Dispatches }, entity: "dispatch",
		keys: func(d *hezuo.Dispatch) []string { return []string{key(d.IDNumber, d.OrgNo, d.From.String())} },
		show: func(d *hezuo.Dispatch, p *auditPlaces) (string, string) {
			return d.OrgNo + " " + d.IDNumber, p.at(placeOrg, d.OrgNo)
		},
		reach: func(d *hezuo.Dispatch, r *reachRefs) {
			r.ref(placeOrg, d.OrgNo)
			r.ref(placeInstr, d.IDNumber)
		},
	})
)

// placeByMemberships places the people without a home village by an org
// of theirs (one ds makes them a member of, else a stored one); the
// villages of orgs neither holds are read in the transaction.
func placeByMemberships(l *importer, ds, have *hezuo.Dataset, p *auditPlaces) error {
	var missing keySet
	for _, ms := range [][]hezuo.Membership{ds.Memberships, have.Memberships} {
		for _, m := range ms {
			if !p.known(placeOrg, m.OrgNo) && p.at(placePerson, m.IDNumber) == "" {
				missing.add(m.OrgNo)
			}
		}
	}
	err := l.db.eachInOn(l.ctx, l.tx, `SELECT org_no, village FROM orgs WHERE org_no IN (%s)`, missing.list, func(r rowScanner) error {
		var no, v string
		err := r.Scan(&no, &v)
		p.set(placeOrg, no, v)
		return err
	})
	for _, ms := range [][]hezuo.Membership{ds.Memberships, have.Memberships} {
		for _, m := range ms {
			if p.at(placePerson, m.IDNumber) == "" {
				p.set(placePerson, m.IDNumber, p.at(placeOrg, m.OrgNo))
			}
		}
	}
	return err
}
