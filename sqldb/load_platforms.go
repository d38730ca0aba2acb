package sqldb

import (
	"fmt"

	"hezuo"
)

// platformLoader loads the platforms' records of one Load, with the keys of
// the platforms' tables resolved so far.
type platformLoader struct {
	*loader
	units, households, loans, trainings, guarantors, meetings map[string]int64
	touchedLoans, touchedGuarantors                           map[int64]bool
}

// loadPlatforms is the Load step writing the platforms' records, after the
// registry they refer to: units and 包村联户 pairings, households and 结对帮扶
// pairings, loans with their repayments, guarantees and party-fee
// subsidies, trainings and attendances, meetings and attendances, linked
// households and visits, commitments.
func (l *loader) loadPlatforms(ds *hezuo.Dataset) error {
	p := &platformLoader{loader: l, units: map[string]int64{}, households: map[string]int64{}, loans: map[string]int64{},
		trainings: map[string]int64{}, guarantors: map[string]int64{}, meetings: map[string]int64{},
		touchedLoans: map[int64]bool{}, touchedGuarantors: map[int64]bool{}}
	steps := []func(*hezuo.Dataset) error{
		p.loadUnits, p.loadUnitPairings, p.loadHouseholds, p.loadHouseholdPairings,
		p.loadGuarantors, p.loadLoans, p.loadRepayments, p.loadGuarantees, p.loadFeeSubsidies, p.checkLoans,
		p.loadTrainings, p.loadTrainingAttendances,
		p.loadMeetings, p.loadMeetingAttendances, p.loadContactLinks, p.loadContactVisits, p.loadCommitments,
	}
	for _, step := range steps {
		if err := step(ds); err != nil {
			return err
		}
	}
	return nil
}

func (p *platformLoader) unitID(rec, field, code string) (int64, error) {
	id, ok, err := p.lookup(p.units, `SELECT id FROM units WHERE code = ?`, code)
	if err == nil && !ok {
		err = unknown(rec, field, "单位", "unit", code)
	}
	return id, err
}

func (p *platformLoader) householdID(rec, field, no string) (int64, error) {
	id, ok, err := p.lookup(p.households, `SELECT id FROM households WHERE no = ?`, no)
	if err == nil && !ok {
		err = unknown(rec, field, "户编号", "household", no)
	}
	return id, err
}

// partyMemberOn reports whether the person is a full or probationary party
// member on day.
func (p *platformLoader) partyMemberOn(personID int64, day hezuo.Date) (bool, error) {
	s, err := p.stmt(`SELECT count(*) FROM party_status WHERE person_id = ? AND status IN ('full', 'probationary')
		AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`)
	if err != nil {
		return false, err
	}
	var n int
	err = s.QueryRowContext(p.ctx, personID, day, day).Scan(&n)
	return n > 0, err
}

// partyMember resolves a person who must be a party member on day.
func (p *platformLoader) partyMember(rec, idNumber string, day hezuo.Date, whatZH, whatEN string) (int64, error) {
	pid, err := p.personID(rec, "id_number", idNumber)
	if err != nil {
		return 0, err
	}
	ok, err := p.partyMemberOn(pid, day)
	if err == nil && !ok {
		err = hezuo.Invalid(rec, "id_number", fmt.Sprintf("%s 在 %s 不是党员（正式或预备），不能%s", hezuo.MaskIDNumber(idNumber), day, whatZH),
			fmt.Sprintf("%s is not a (full or probationary) party member on %s, so cannot %s", hezuo.MaskIDNumber(idNumber), day, whatEN))
	}
	return pid, err
}

// notAfterToday refuses a record of something that has not happened yet.
func (p *platformLoader) notAfterToday(rec, field string, day hezuo.Date, whatZH, whatEN string) error {
	if day.After(p.today) {
		return hezuo.Invalid(rec, field, fmt.Sprintf("%s日期 %s 晚于今天 %s，尚未发生", whatZH, day, p.today),
			fmt.Sprintf("the %s on %s is after today (%s): it has not happened", whatEN, day, p.today))
	}
	return nil
}

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
		var org int64
		if hp.OrgNo != "" {
			if org, err = p.orgID(rec, "org_id", hp.OrgNo); err != nil {
				return err
			}
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

func (p *platformLoader) loadTrainings(ds *hezuo.Dataset) error {
	for i := range ds.Trainings {
		t := &ds.Trainings[i]
		if err := t.Validate(); err != nil {
			return err
		}
		rec := "培训 " + t.No
		uid, err := p.unitID(rec, "organizer", t.Organizer)
		if err != nil {
			return err
		}
		if ok, err := p.division(t.Place); err != nil {
			return err
		} else if !ok {
			return unknown(rec, "place", "区划", "division", t.Place)
		}
		id, err := p.returning(`INSERT INTO trainings (county, no, held_on, topic, organizer_id, industry, mode, hours, place)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (no) DO UPDATE SET county = excluded.county, held_on = excluded.held_on, topic = excluded.topic,
				organizer_id = excluded.organizer_id, industry = excluded.industry, mode = excluded.mode,
				hours = excluded.hours, place = excluded.place RETURNING id`,
			t.Place[:6], t.No, t.HeldOn, t.Topic, uid, t.Industry, t.Mode, t.Hours, t.Place)
		if err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
		p.trainings[t.No] = id
	}
	return nil
}

func (p *platformLoader) loadTrainingAttendances(ds *hezuo.Dataset) error {
	b := p.newBatch(`INSERT INTO training_attendances (training_id, person_id, county, org_id) VALUES`,
		`ON CONFLICT (training_id, person_id) DO UPDATE SET org_id = excluded.org_id`, 4)
	seen := map[[2]int64]bool{} // one statement may not touch a row twice
	for i := range ds.TrainingAttendances {
		a := &ds.TrainingAttendances[i]
		if err := a.Validate(); err != nil {
			return err
		}
		rec := fmt.Sprintf("参训 %s@%s", hezuo.MaskIDNumber(a.IDNumber), a.Training)
		tid, ok, err := p.lookup(p.trainings, `SELECT id FROM trainings WHERE no = ?`, a.Training)
		if err != nil {
			return err
		} else if !ok {
			return unknown(rec, "training", "培训编号", "training", a.Training)
		}
		var held hezuo.Date
		if s, err := p.stmt(`SELECT held_on FROM trainings WHERE id = ?`); err != nil {
			return err
		} else if err := s.QueryRowContext(p.ctx, tid).Scan(&held); err != nil {
			return err
		}
		if err := p.notAfterToday(rec, "training", held, "培训", "training"); err != nil {
			return err
		}
		pid, err := p.personID(rec, "id_number", a.IDNumber)
		if err != nil {
			return err
		}
		var org int64
		if a.OrgNo != "" {
			if org, err = p.orgID(rec, "org_id", a.OrgNo); err != nil {
				return err
			}
		}
		if seen[[2]int64{tid, pid}] {
			if err := b.flush(); err != nil {
				return err
			}
			seen = map[[2]int64]bool{}
		}
		seen[[2]int64{tid, pid}] = true
		if err := b.add(tid, pid, p.countyOf(`SELECT county FROM trainings WHERE id = ?`, tid), nullID(org)); err != nil {
			return fmt.Errorf("%s: %w", rec, err)
		}
	}
	return b.flush()
}
