package sqldb

import (
	"strconv"

	"hezuo"
)

// The institutions' kinds (organizational life): meetings and their
// attendances, party members' linked households and visits, and
// commitments.

// partyOrgsOf is a probe part: the party organizations (their seats place
// the records) of a kind's records.
func partyOrgsOf[T any](list func(*hezuo.Dataset) []T, no func(*T) string) func(ds, probe *hezuo.Dataset, plain bool) {
	return func(ds, probe *hezuo.Dataset, _ bool) {
		xs := list(ds)
		for i := range xs {
			probe.PartyOrgs = append(probe.PartyOrgs, hezuo.PartyOrg{No: no(&xs[i])})
		}
	}
}

var (
	_ = addKind(kind{field: "Meetings", rank: 220, platform: true, load: (*platformLoader).loadMeetings,
		dump: func(d *dumping) error {
			return d.rows(`SELECT po.no, m.kind, m.held_on, m.topic, coalesce(v.no, ''), m.participants, m.decisions FROM meetings m
		JOIN party_orgs po ON po.id = m.party_org_id LEFT JOIN party_orgs v ON v.id = m.village_party_org_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY po.no, m.kind, m.held_on`, d.sa, collect(&d.ds.Meetings, func(r rowScanner, m *hezuo.Meeting) error {
				return r.Scan(&m.PartyOrg, &m.Kind, &m.HeldOn, &m.Topic, &m.VillagePartyOrg, &m.Participants, &m.Decisions)
			}))
		},
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.Meeting { return d.Meetings }, func(p *auditPlaces) auditSpec[hezuo.Meeting] {
			return auditSpec[hezuo.Meeting]{entity: "meeting",
				keys: func(m *hezuo.Meeting) []string { return []string{m.Key()} },
				show: func(m *hezuo.Meeting) (string, string) { return m.Key(), p.at(placePartyOrg, m.PartyOrg) },
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, m := range ds.Meetings {
				r.ref(placePartyOrg, m.PartyOrg, m.VillagePartyOrg)
			}
		},
		probe: partyOrgsOf(func(d *hezuo.Dataset) []hezuo.Meeting { return d.Meetings }, func(m *hezuo.Meeting) string { return m.PartyOrg }),
	})

	_ = addKind(kind{field: "MeetingAttendances", rank: 230, platform: true, load: (*platformLoader).loadMeetingAttendances,
		dump: func(d *dumping) error {
			return d.rows(`SELECT po.no, m.kind, m.held_on, pe.id_sealed FROM meeting_attendances a JOIN meetings m ON m.id = a.meeting_id
		JOIN party_orgs po ON po.id = m.party_org_id JOIN people pe ON pe.id = a.person_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY po.no, m.kind, m.held_on, pe.id`, d.sa, collect(&d.ds.MeetingAttendances, func(r rowScanner, a *hezuo.MeetingAttendance) error {
				return r.Scan(&a.PartyOrg, &a.Kind, &a.HeldOn, d.db.opened(&a.IDNumber))
			}))
		},
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.MeetingAttendance { return d.MeetingAttendances }, func(p *auditPlaces) auditSpec[hezuo.MeetingAttendance] {
			return auditSpec[hezuo.MeetingAttendance]{entity: "meeting_attendance",
				keys: func(a *hezuo.MeetingAttendance) []string {
					return []string{key(a.PartyOrg, a.Kind, a.HeldOn.String(), a.IDNumber)}
				},
				show: func(a *hezuo.MeetingAttendance) (string, string) {
					return a.PartyOrg + "/" + a.Kind + "/" + a.HeldOn.String() + " " + a.IDNumber, p.at(placePartyOrg, a.PartyOrg)
				},
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, m := range ds.MeetingAttendances {
				r.ref(placePartyOrg, m.PartyOrg)
				r.ref(placePerson, m.IDNumber)
			}
		},
		probe: partyOrgsOf(func(d *hezuo.Dataset) []hezuo.MeetingAttendance { return d.MeetingAttendances },
			func(m *hezuo.MeetingAttendance) string { return m.PartyOrg }),
	})

	_ = addKind(kind{field: "ContactLinks", rank: 240, platform: true, load: (*platformLoader).loadContactLinks,
		dump: func(d *dumping) error {
			return d.rows(`SELECT pe.id_sealed, h.no, cl.valid_from, cl.valid_to FROM contact_links cl JOIN people pe ON pe.id = cl.person_id
			JOIN households h ON h.id = cl.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, cl.valid_from`, d.sa, collect(&d.ds.ContactLinks, func(r rowScanner, c *hezuo.ContactLink) error {
				return r.Scan(d.db.opened(&c.IDNumber), &c.Household, &c.From, &c.To)
			}))
		},
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.ContactLink { return d.ContactLinks }, func(p *auditPlaces) auditSpec[hezuo.ContactLink] {
			return auditSpec[hezuo.ContactLink]{entity: "contact_link",
				keys: func(c *hezuo.ContactLink) []string { return []string{key(c.IDNumber, c.Household, c.From.String())} },
				show: func(c *hezuo.ContactLink) (string, string) {
					return c.IDNumber + "→" + c.Household, p.at(placeHouse, c.Household)
				},
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, c := range ds.ContactLinks {
				r.ref(placeHouse, c.Household)
				r.ref(placePerson, c.IDNumber)
			}
		},
	})

	_ = addKind(kind{field: "ContactVisits", rank: 250, platform: true, load: (*platformLoader).loadContactVisits,
		dump: func(d *dumping) error {
			return d.rows(`SELECT pe.id_sealed, h.no, v.visited_on, v.note FROM contact_visits v JOIN people pe ON pe.id = v.person_id
			JOIN households h ON h.id = v.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, v.visited_on`, d.sa, collect(&d.ds.ContactVisits, func(r rowScanner, v *hezuo.ContactVisit) error {
				return r.Scan(d.db.opened(&v.IDNumber), &v.Household, &v.VisitedOn, &v.Note)
			}))
		},
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.ContactVisit { return d.ContactVisits }, func(p *auditPlaces) auditSpec[hezuo.ContactVisit] {
			return auditSpec[hezuo.ContactVisit]{entity: "contact_visit",
				keys: func(c *hezuo.ContactVisit) []string {
					return []string{key(c.IDNumber, c.Household, c.VisitedOn.String())}
				},
				show: func(c *hezuo.ContactVisit) (string, string) {
					return c.IDNumber + "→" + c.Household + " " + c.VisitedOn.String(), p.at(placeHouse, c.Household)
				},
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, v := range ds.ContactVisits {
				r.ref(placeHouse, v.Household)
				r.ref(placePerson, v.IDNumber)
			}
		},
	})

	_ = addKind(kind{field: "Commitments", rank: 260, platform: true, load: (*platformLoader).loadCommitments,
		dump: func(d *dumping) error {
			return d.rows(`SELECT pe.id_sealed, c.year, po.no, c.made_on, c.content, c.fulfilled_on, c.result, c.evidence
		FROM commitments c JOIN people pe ON pe.id = c.person_id JOIN party_orgs po ON po.id = c.party_org_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY pe.id, c.year`, d.sa, collect(&d.ds.Commitments, func(r rowScanner, c *hezuo.Commitment) error {
				return r.Scan(d.db.opened(&c.IDNumber), &c.Year, &c.PartyOrg, &c.MadeOn, &c.Content, &c.FulfilledOn, &c.Result, &c.Evidence)
			}))
		},
		audit: auditOf(func(d *hezuo.Dataset) []hezuo.Commitment { return d.Commitments }, func(p *auditPlaces) auditSpec[hezuo.Commitment] {
			return auditSpec[hezuo.Commitment]{entity: "commitment",
				keys: func(c *hezuo.Commitment) []string { return []string{key(c.IDNumber, strconv.Itoa(c.Year))} },
				show: func(c *hezuo.Commitment) (string, string) {
					return c.IDNumber + "/" + strconv.Itoa(c.Year), p.at(placePartyOrg, c.PartyOrg)
				},
			}
		}),
		reach: func(ds *hezuo.Dataset, r *reachRefs) {
			for _, c := range ds.Commitments {
				r.ref(placePartyOrg, c.PartyOrg)
				r.ref(placePerson, c.IDNumber)
			}
		},
		probe: partyOrgsOf(func(d *hezuo.Dataset) []hezuo.Commitment { return d.Commitments }, func(c *hezuo.Commitment) string { return c.PartyOrg }),
	})
)
