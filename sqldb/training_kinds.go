package sqldb

import (
	"fmt"

	"hezuo"
)

// The training platform's kinds: trainings and their attendances.

const placeTraining = "training"

var (
	_ = addPlace(placeTraining, &placeKind{name: "培训", queries: []string{`SELECT no, place FROM trainings WHERE no IN (%s)`}})

	_ = addKind(kind{field: "Trainings", rank: 200, platform: true, load: (*platformLoader).loadTrainings,
		dump: func(d *dumping) error {
			return d.rows(`SELECT t.no, t.held_on, t.topic, u.code, t.industry, t.mode, t.hours, t.place FROM trainings t JOIN units u ON u.id = t.organizer_id
			WHERE t.place BETWEEN ? AND ? ORDER BY t.no`, d.sa, collect(&d.ds.Trainings, func(r rowScanner, t *hezuo.Training) error {
				return r.Scan(&t.No, &t.HeldOn, &t.Topic, &t.Organizer, &t.Industry, &t.Mode, &t.Hours, &t.Place)
			}))
		},
	}, records[hezuo.Training]{list: func(d *hezuo.Dataset) []hezuo.Training { return d.Trainings }, entity: "training",
		keys: func(t *hezuo.Training) []string { return []string{t.No} },
		show: func(t *hezuo.Training, _ *auditPlaces) (string, string) { return t.No, t.Place },
		reach: func(t *hezuo.Training, r *reachRefs) {
			r.code(t.Place)
			r.ref(placeTraining, t.No)
		},
		places: func(t *hezuo.Training, p *auditPlaces) { p.set(placeTraining, t.No, t.Place) },
	})

	_ = addKind(kind{field: "TrainingAttendances", rank: 210, platform: true, load: (*platformLoader).loadTrainingAttendances,
		dump: func(d *dumping) error {
			return d.rows(`SELECT t.no, pe.id_sealed, coalesce(o.org_no, '') FROM training_attendances a JOIN trainings t ON t.id = a.training_id
			JOIN people pe ON pe.id = a.person_id LEFT JOIN orgs o ON o.id = a.org_id
			WHERE t.place BETWEEN ? AND ? ORDER BY t.no, pe.id`, d.sa, collect(&d.ds.TrainingAttendances, func(r rowScanner, a *hezuo.TrainingAttendance) error {
				return r.Scan(&a.Training, d.db.opened(&a.IDNumber), &a.OrgNo)
			}))
		},
	}, records[hezuo.TrainingAttendance]{list: func(d *hezuo.Dataset) []hezuo.TrainingAttendance { return d.TrainingAttendances }, entity: "training_attendance",
		keys: func(a *hezuo.TrainingAttendance) []string { return []string{key(a.Training, a.IDNumber)} },
		show: func(a *hezuo.TrainingAttendance, p *auditPlaces) (string, string) {
			return a.Training + " " + a.IDNumber, p.at(placeTraining, a.Training)
		},
		reach: func(t *hezuo.TrainingAttendance, r *reachRefs) {
			r.ref(placeTraining, t.Training)
			r.ref(placePerson, t.IDNumber)
			r.ref(placeOrg, t.OrgNo)
		},
	})
)

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
		org, err := p.optOrgID(rec, "org_id", a.OrgNo)
		if err != nil {
			return err
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
