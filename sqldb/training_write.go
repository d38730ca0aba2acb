package sqldb

import (
	"context"
	"fmt"
	"strings"
	"time"

	"hezuo"
	"hezuo/store"
)

// SaveTraining records a training session (updating the one with the same
// number) and its attendances, in one transaction with its audit entry,
// and returns its id. The place must lie in a's scope; attendances at a
// session dated after today are EINVALID; people by id must be members of
// OrgNo, an org a reaches, on the day of the session. A blank number is
// proposed: the next of the place's township's series of the year
// (PX-222424102-2026-0001, numbers.go), set in in once saved.
func (db *DB) SaveTraining(ctx context.Context, a *hezuo.Access, in *store.TrainingInput, today hezuo.Date, now time.Time) (_ int64, err error) {
	t := &in.Training
	propose := strings.TrimSpace(t.No) == ""
	if propose {
		defer func() {
			if err != nil {
				t.No = ""
			}
		}()
	}
	return writeFor(ctx, db, registry, a, clockOn(today, now), func(w *unit) (int64, error) {
		if propose {
			probe := *t
			probe.No = proposedPlaceholder // every other field checked as the numbered session's
			if err := probe.Validate(); err != nil {
				return 0, err
			}
			t.Place = probe.Place // padded to 12 digits
		} else if err := t.Validate(); err != nil {
			return 0, err
		}
		rec := "培训 " + t.No
		if !a.Scope.Contains(t.Place) {
			return 0, hezuo.Invalid(rec, "place", "培训地点不在您的权限范围内", "the place lies outside your scope")
		}
		tx := w.tx
		var err error
		if propose {
			prefix := fmt.Sprintf("PX-%s-%04d", seriesArea(t.Place, a), t.HeldOn.Year())
			if t.No, err = db.proposeNumber(ctx, tx, prefix, "trainings", "no"); err != nil {
				return 0, err
			}
			rec = "培训 " + t.No
		}
		var existing string
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT coalesce(max(place), '') FROM trainings WHERE no = ?`), t.No).Scan(&existing); err != nil {
			return 0, err
		}
		if existing != "" && !a.Scope.Contains(existing) {
			return 0, fieldError(hezuo.ECONFLICT, rec, "no", "培训编号 "+t.No+" 已被其他地区使用", "training number "+t.No+" is used elsewhere")
		}
		p := w.platform()
		if len(in.Attendees)+len(in.Attendances) > 0 {
			if err := p.notAfterToday(rec, "held_on", t.HeldOn, "培训", "training"); err != nil {
				return 0, err
			}
		}
		ds := &hezuo.Dataset{Trainings: []hezuo.Training{*t}}
		for _, at := range in.Attendances {
			at.Training = t.No
			ds.TrainingAttendances = append(ds.TrainingAttendances, at)
		}
		if err := p.loadTrainings(ds); err != nil {
			return 0, err
		}
		if err := p.loadTrainingAttendances(ds); err != nil {
			return 0, err
		}
		id := p.trainings[t.No]
		if len(in.Attendees) > 0 {
			org, err := db.dispatchOrg(ctx, tx, a, rec, in.OrgNo, today)
			if err != nil {
				return 0, err
			}
			for _, pid := range in.Attendees {
				var n int
				if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM memberships m WHERE m.person_id = ? AND m.org_id = ?
					AND m.valid_from <= ? AND (m.valid_to IS NULL OR m.valid_to > ?)`), pid, org.ID, t.HeldOn, t.HeldOn).Scan(&n); err != nil {
					return 0, err
				}
				if n == 0 {
					name, err := db.personName(ctx, tx, rec, "attendees", pid)
					if err != nil {
						return 0, err
					}
					return 0, hezuo.Invalid(rec, "attendees", fmt.Sprintf("%s 在 %s 不是 %s 的会员", name, t.HeldOn, in.OrgNo),
						fmt.Sprintf("%s is not a member of %s on %s", name, in.OrgNo, t.HeldOn))
				}
				if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO training_attendances (training_id, person_id, county, org_id) VALUES (?, ?, ?, ?)
					ON CONFLICT (training_id, person_id) DO UPDATE SET org_id = excluded.org_id`), id, pid, t.Place[:6], org.ID); err != nil {
					return 0, fmt.Errorf("%s: %w", rec, err)
				}
			}
		}
		after := struct {
			hezuo.Training
			Attendances int `json:"attendances_added"`
		}{*t, len(in.Attendees) + len(in.Attendances)}
		return id, w.audit(hezuo.ActionCreate, "training", t.No, t.Place, nil, after, "")
	})
}
