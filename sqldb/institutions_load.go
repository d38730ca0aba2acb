package sqldb

import (
	"database/sql"
	"errors"
	"fmt"

	"hezuo"
)

func (p *platformLoader) loadMeetings(ds *hezuo.Dataset) error {
	for i := range ds.Meetings {
		m := &ds.Meetings[i]
		if err := m.Validate(); err != nil {
			return err
		}
		rec := "会议 " + m.Key()
		po, err := p.partyOrgID(rec, "party_org", m.PartyOrg)
		if err != nil {
			return err
		}
		var village int64
		if m.VillagePartyOrg != "" {
			if village, err = p.partyOrgID(rec, "village_party_org", m.VillagePartyOrg); err != nil {
				return err
			}
			var form string
			if err := p.scan(`SELECT form FROM party_orgs WHERE id = ?`, []any{village}, &form); err != nil {
				return err
			}
			if form != hezuo.FormVillage {
				return hezuo.Invalid(rec, "village_party_org", m.VillagePartyOrg+" 不是村党组织", m.VillagePartyOrg+" is not a village party organization")
			}
		}
		id, err := p.returning(`INSERT INTO meetings (county, party_org_id, kind, held_on, topic, village_party_org_id, participants, decisions)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (party_org_id, kind, held_on) DO UPDATE SET topic = excluded.topic,
				village_party_org_id = excluded.village_party_org_id, participants = excluded.participants,
				decisions = excluded.decisions RETURNING id`,
			p.countyOf(`SELECT county FROM party_orgs WHERE id = ?`, po), po, m.Kind, m.HeldOn, m.Topic, nullID(village),
			m.Participants, m.Decisions)
		if err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		p.meetings[m.Key()] = id
	}
	return nil
}

func (p *platformLoader) meetingID(rec string, m *hezuo.Meeting) (int64, error) {
	if id, ok := p.meetings[m.Key()]; ok {
		return id, nil
	}
	var id int64
	err := p.scan(`SELECT m.id FROM meetings m JOIN party_orgs po ON po.id = m.party_org_id
		WHERE po.no = ? AND m.kind = ? AND m.held_on = ?`, []any{m.PartyOrg, m.Kind, m.HeldOn}, &id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, unknown(rec, "held_on", "会议", "meeting", m.Key())
	}
	p.meetings[m.Key()] = id
	return id, err
}

func (p *platformLoader) loadMeetingAttendances(ds *hezuo.Dataset) error {
	b := p.newBatch(`INSERT INTO meeting_attendances (meeting_id, person_id, county) VALUES`,
		`ON CONFLICT (meeting_id, person_id) DO NOTHING`, 3)
	for _, a := range ds.MeetingAttendances {
		m := hezuo.Meeting{PartyOrg: a.PartyOrg, Kind: a.Kind, HeldOn: a.HeldOn}
		rec := fmt.Sprintf("参会 %s@%s", hezuo.MaskIDNumber(a.IDNumber), m.Key())
		if err := p.notAfterToday(rec, "held_on", a.HeldOn, "会议", "meeting"); err != nil {
			return err
		}
		mid, err := p.meetingID(rec, &m)
		if err != nil {
			return err
		}
		pid, err := p.personID(rec, "id_number", a.IDNumber)
		if err != nil {
			return err
		}
		if err := b.add(mid, pid, p.countyOf(`SELECT county FROM meetings WHERE id = ?`, mid)); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return b.flush()
}

func (p *platformLoader) loadContactLinks(ds *hezuo.Dataset) error {
	for _, c := range ds.ContactLinks {
		rec := fmt.Sprintf("联系户 %s→%s", hezuo.MaskIDNumber(c.IDNumber), c.Household)
		if err := c.Period.Validate(rec); err != nil {
			return err
		}
		pid, err := p.partyMember(rec, c.IDNumber, c.From, "联系农户", "be linked with a household")
		if err != nil {
			return err
		}
		hid, err := p.householdID(rec, "household", c.Household)
		if err != nil {
			return err
		}
		if err := p.exec(`INSERT INTO contact_links (county, person_id, household_id, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (person_id, household_id, valid_from) DO UPDATE SET valid_to = excluded.valid_to`,
			p.countyOf(`SELECT county FROM households WHERE id = ?`, hid), pid, hid, c.From, c.To); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}

func (p *platformLoader) loadContactVisits(ds *hezuo.Dataset) error {
	for _, v := range ds.ContactVisits {
		rec := fmt.Sprintf("走访 %s→%s/%s", hezuo.MaskIDNumber(v.IDNumber), v.Household, v.VisitedOn)
		if v.VisitedOn.IsZero() {
			return hezuo.Invalid(rec, "visited_on", "缺少走访日期", "date missing")
		}
		if err := p.notAfterToday(rec, "visited_on", v.VisitedOn, "走访", "visit"); err != nil {
			return err
		}
		pid, err := p.personID(rec, "id_number", v.IDNumber)
		if err != nil {
			return err
		}
		hid, err := p.householdID(rec, "household", v.Household)
		if err != nil {
			return err
		}
		var n int
		if err := p.scan(`SELECT count(*) FROM contact_links WHERE person_id = ? AND household_id = ?
			AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`, []any{pid, hid, v.VisitedOn, v.VisitedOn}, &n); err != nil {
			return err
		}
		if n == 0 {
			return hezuo.Invalid(rec, "household", "走访当日该党员与该户没有联系关系", "the member is not linked with the household on the day of the visit")
		}
		if err := p.exec(`INSERT INTO contact_visits (county, person_id, household_id, visited_on, note) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (person_id, household_id, visited_on) DO UPDATE SET note = excluded.note`,
			p.countyOf(`SELECT county FROM households WHERE id = ?`, hid), pid, hid, v.VisitedOn, v.Note); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}

func (p *platformLoader) loadCommitments(ds *hezuo.Dataset) error {
	for i := range ds.Commitments {
		c := &ds.Commitments[i]
		if err := c.Validate(); err != nil {
			return err
		}
		rec := fmt.Sprintf("党员承诺 %s/%d", hezuo.MaskIDNumber(c.IDNumber), c.Year)
		pid, err := p.partyMember(rec, c.IDNumber, c.MadeOn, "作出党员承诺", "make a party member's commitment")
		if err != nil {
			return err
		}
		po, err := p.partyOrgID(rec, "party_org", c.PartyOrg)
		if err != nil {
			return err
		}
		if !c.FulfilledOn.IsZero() {
			if err := p.notAfterToday(rec, "fulfilled_on", c.FulfilledOn, "践诺评议", "assessment"); err != nil {
				return err
			}
		}
		if err := p.exec(`INSERT INTO commitments (county, person_id, year, party_org_id, made_on, content, fulfilled_on, result, evidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (person_id, year) DO UPDATE SET party_org_id = excluded.party_org_id, made_on = excluded.made_on,
				content = excluded.content, fulfilled_on = excluded.fulfilled_on, result = excluded.result, evidence = excluded.evidence`,
			p.countyOf(`SELECT county FROM party_orgs WHERE id = ?`, po), pid, c.Year, po, c.MadeOn, c.Content, c.FulfilledOn,
			c.Result, c.Evidence); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return nil
}
