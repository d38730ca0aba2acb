package sqldb

import (
	"strconv"

	"hezuo"
)

// The institutions' kinds (organizational life): meetings and their
// attendances, party members' linked households and visits, and
// commitments.

// probePartyOrg has auditBefore read a party organization: its seat places
// the records that name it.
func probePartyOrg(probe *hezuo.Dataset, no string) {
	probe.PartyOrgs = append(probe.PartyOrgs, hezuo.PartyOrg{No: no})
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
	}, records[hezuo.Meeting]{list: func(d *hezuo.Dataset) []hezuo.Meeting { return d.Meetings },
		probe:  func(m *hezuo.Meeting, probe *hezuo.Dataset) { probePartyOrg(probe, m.PartyOrg) },
		entity: "meeting",
		keys:   func(m *hezuo.Meeting) []string { return []string{m.Key()} },
		show: func(m *hezuo.Meeting, p *auditPlaces) (string, string) {
			return m.Key(), p.at(placePartyOrg, m.PartyOrg)
		},
		reach: func(m *hezuo.Meeting, r *reachRefs) { r.ref(placePartyOrg, m.PartyOrg, m.VillagePartyOrg) },
	})

	_ = addKind(kind{field: "MeetingAttendances", rank: 230, platform: true, load: (*platformLoader).loadMeetingAttendances,
		dump: func(d *dumping) error {
			return d.rows(`SELECT po.no, m.kind, m.held_on, pe.id_sealed FROM meeting_attendances a JOIN meetings m ON m.id = a.meeting_id
		JOIN party_orgs po ON po.id = m.party_org_id JOIN people pe ON pe.id = a.person_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY po.no, m.kind, m.held_on, pe.id`, d.sa, collect(&d.ds.MeetingAttendances, func(r rowScanner, a *hezuo.MeetingAttendance) error {
				return r.Scan(&a.PartyOrg, &a.Kind, &a.HeldOn, d.db.opened(&a.IDNumber))
			}))
		},
	}, records[hezuo.MeetingAttendance]{list: func(d *hezuo.Dataset) []hezuo.MeetingAttendance { return d.MeetingAttendances },
		probe:  func(a *hezuo.MeetingAttendance, probe *hezuo.Dataset) { probePartyOrg(probe, a.PartyOrg) },
		entity: "meeting_attendance",
		keys: func(a *hezuo.MeetingAttendance) []string {
			return []string{key(a.PartyOrg, a.Kind, a.HeldOn.String(), a.IDNumber)}
		},
		show: func(a *hezuo.MeetingAttendance, p *auditPlaces) (string, string) {
			return a.PartyOrg + "/" + a.Kind + "/" + a.HeldOn.String() + " " + a.IDNumber, p.at(placePartyOrg, a.PartyOrg)
		},
		reach: func(m *hezuo.MeetingAttendance, r *reachRefs) {
			r.ref(placePartyOrg, m.PartyOrg)
			r.ref(placePerson, m.IDNumber)
		},
	})

	_ = addKind(kind{field: "ContactLinks", rank: 240, platform: true, load: (*platformLoader).loadContactLinks,
		dump: func(d *dumping) error {
			return d.rows(`SELECT pe.id_sealed, h.no, cl.valid_from, cl.valid_to FROM contact_links cl JOIN people pe ON pe.id = cl.person_id
			JOIN households h ON h.id = cl.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, cl.valid_from`, d.sa, collect(&d.ds.ContactLinks, func(r rowScanner, c *hezuo.ContactLink) error {
				return r.Scan(d.db.opened(&c.IDNumber), &c.Household, &c.From, &c.To)
			}))
		},
	}, records[hezuo.ContactLink]{list: func(d *hezuo.Dataset) []hezuo.ContactLink { return d.ContactLinks }, entity: "contact_link",
		keys: func(c *hezuo.ContactLink) []string { return []string{key(c.IDNumber, c.Household, c.From.String())} },
		show: func(c *hezuo.ContactLink, p *auditPlaces) (string, string) {
			return c.IDNumber + "→" + c.Household, p.at(placeHouse, c.Household)
		},
		reach: func(c *hezuo.ContactLink, r *reachRefs) {
			r.ref(placeHouse, c.Household)
			r.ref(placePerson, c.IDNumber)
		},
	})

	_ = addKind(kind{field: "ContactVisits", rank: 250, platform: true, load: (*platformLoader).loadContactVisits,
		dump: func(d *dumping) error {
			return d.rows(`SELECT pe.id_sealed, h.no, v.visited_on, v.note FROM contact_visits v JOIN people pe ON pe.id = v.person_id
			JOIN households h ON h.id = v.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, v.visited_on`, d.sa, collect(&d.ds.ContactVisits, func(r rowScanner, v *hezuo.ContactVisit) error {
				return r.Scan(d.db.opened(&v.IDNumber), &v.Household, &v.VisitedOn, &v.Note)
			}))
		},
	}, records[hezuo.ContactVisit]{list: func(d *hezuo.Dataset) []hezuo.ContactVisit { return d.ContactVisits }, entity: "contact_visit",
		keys: func(c *hezuo.ContactVisit) []string {
			return []string{key(c.IDNumber, c.Household, c.VisitedOn.String())}
		},
		show: func(c *hezuo.ContactVisit, p *auditPlaces) (string, string) {
			return c.IDNumber + "→" + c.Household + " " + c.VisitedOn.String(), p.at(placeHouse, c.Household)
		},
		reach: func(v *hezuo.ContactVisit, r *reachRefs) {
			r.ref(placeHouse, v.Household)
			r.ref(placePerson, v.IDNumber)
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
	}, records[hezuo.Commitment]{list: func(d *hezuo.Dataset) []hezuo.Commitment { return d.Commitments },
		probe:  func(c *hezuo.Commitment, probe *hezuo.Dataset) { probePartyOrg(probe, c.PartyOrg) },
		entity: "commitment",
		keys:   func(c *hezuo.Commitment) []string { return []string{key(c.IDNumber, strconv.Itoa(c.Year))} },
		show: func(c *hezuo.Commitment, p *auditPlaces) (string, string) {
			return c.IDNumber + "/" + strconv.Itoa(c.Year), p.at(placePartyOrg, c.PartyOrg)
		},
		reach: func(c *hezuo.Commitment, r *reachRefs) {
			r.ref(placePartyOrg, c.PartyOrg)
			r.ref(placePerson, c.IDNumber)
		},
	})
)
