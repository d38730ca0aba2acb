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
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.Division { return d.Divisions }, func(*auditPlaces) auditSpec[hezuo.Division] {
			return auditSpec[hezuo.Division]{entity: "division",
				keys: func(d *hezuo.Division) []string { return []string{divisionCode(d.Code)} },
				show: func(d *hezuo.Division) (string, string) { c := divisionCode(d.Code); return c, c },
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, d := range ds.Divisions {
				r.code(d.Code)
			}
		},
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.Divisions, ds.Divisions) },
	})

	_ = addKind(kind{field: "Orgs", rank: 20, load: (*platformLoader).loadOrgs,
		dump: func(d *dumping) error { return d.db.dumpOrgs(d.ctx, d.sa, d.ds) },
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.Org { return d.Orgs }, func(*auditPlaces) auditSpec[hezuo.Org] {
			return auditSpec[hezuo.Org]{entity: "org",
				keys: func(o *hezuo.Org) []string { return []string{o.OrgNo} },
				show: func(o *hezuo.Org) (string, string) { return o.OrgNo, o.Village },
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, o := range ds.Orgs {
				r.code(o.Village)
				r.code(o.Villages...)
				r.ref(placeOrg, o.OrgNo)
			}
		},
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.Orgs, ds.Orgs) },
		places: func(d *hezuo.Dataset, p *auditPlaces) {
			for _, o := range d.Orgs {
				p.set(placeOrg, o.OrgNo, o.Village)
			}
		},
	})

	_ = addKind(kind{field: "People", rank: 30, load: func(p *platformLoader, ds *hezuo.Dataset) error { return p.own.people(ds) },
		dump: func(d *dumping) error { return d.db.dumpPeople(d.ctx, d.sa, d.ds) },
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.Person { return d.People }, func(p *auditPlaces) auditSpec[hezuo.Person] {
			return auditSpec[hezuo.Person]{entity: "person",
				keys: func(x *hezuo.Person) []string { return []string{x.IDNumber} },
				show: func(x *hezuo.Person) (string, string) {
					return hezuo.MaskIDNumber(x.IDNumber), p.at(placePerson, x.IDNumber)
				},
				view: func(x hezuo.Person) any { return x.Masked() },
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, p := range ds.People {
				r.code(p.Village)
				r.ref(placePerson, p.IDNumber)
			}
		},
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
		places: func(d *hezuo.Dataset, p *auditPlaces) {
			for _, x := range d.People {
				p.set(placePerson, x.IDNumber, x.Village)
			}
		},
	})

	_ = addKind(kind{field: "PartyOrgs", rank: 40, load: (*platformLoader).loadPartyOrgs,
		dump: func(d *dumping) error { return d.db.dumpPartyOrgs(d.ctx, d.sa, d.ds) },
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.PartyOrg { return d.PartyOrgs }, func(*auditPlaces) auditSpec[hezuo.PartyOrg] {
			return auditSpec[hezuo.PartyOrg]{entity: "party_org",
				keys: func(o *hezuo.PartyOrg) []string { return []string{o.No} },
				show: func(o *hezuo.PartyOrg) (string, string) { return o.No, o.Seat },
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, p := range ds.PartyOrgs {
				r.code(p.Seat)
				r.code(p.Villages...)
				r.ref(placePartyOrg, p.No, p.Parent, p.Manager)
				r.ref(placeOrg, p.Orgs...)
			}
		},
		probe: func(ds, probe *hezuo.Dataset, _ bool) { probeAll(&probe.PartyOrgs, ds.PartyOrgs) },
		places: func(d *hezuo.Dataset, p *auditPlaces) {
			for _, o := range d.PartyOrgs {
				p.set(placePartyOrg, o.No, o.Seat)
			}
		},
	})

	_ = addKind(kind{field: "Departments", rank: 50, load: (*platformLoader).loadDepartments,
		dump: func(d *dumping) error { return d.db.dumpDepartments(d.ctx, d.lo6, d.hi6, d.ds) },
		none: map[string]string{"audit": "an import writes no entry for departments", "reach": countyAdminsOnly},
	})
)
