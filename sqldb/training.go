package sqldb

import (
	"context"

	"hezuo"
	"hezuo/store"
)

// The training pages (issue 5). Division roles see the sessions held in
// their scope (where Stats counts them) with all their attendances; roles
// bound to a set of orgs see the sessions attended by members of their
// orgs, with those attendances only.

// trainingReach returns the condition "session t is one a sees in scope"
// and the condition "attendance ta counts for a", with their arguments.
func trainingReach(a *hezuo.Access, scope hezuo.Scope, today hezuo.Date) (string, []any, string, []any) {
	if a.ByDivision() {
		return "t.place BETWEEN ? AND ?", scopeArgs(scope), "1 = 1", nil
	}
	w := orgAccess(a, today)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	att := "ta.org_id IN (SELECT o.id FROM orgs o WHERE " + w.String() + ")"
	return "EXISTS (SELECT 1 FROM training_attendances ta WHERE ta.training_id = t.id AND " + att + ")", w.args, att, w.args
}

var trainingSorts = map[string]string{"held_on": "t.held_on", "no": "t.no", "topic": "t.topic", "organizer": "u.code", "hours": "t.hours"}

// trainingCols selects a TrainingItem (one argument list: the attendance
// condition's).
func trainingCols(att string) string {
	return `SELECT t.id, t.no, t.held_on, t.topic, u.code, u.name, t.industry, t.mode, t.hours, t.place, coalesce(d.name, ''),
		(SELECT count(*) FROM training_attendances ta WHERE ta.training_id = t.id AND ` + att + `)
		FROM trainings t JOIN units u ON u.id = t.organizer_id LEFT JOIN divisions d ON d.code = t.place`
}

func scanTraining(r rowScanner, t *store.TrainingItem) error {
	return r.Scan(&t.ID, &t.No, &t.HeldOn, &t.Topic, &t.Organizer, &t.OrganizerName, &t.Industry, &t.Mode, &t.Hours, &t.Place, &t.PlaceName, &t.Attendances)
}

// ListTrainings returns one page of the sessions a sees in the requested
// scope (EFORBIDDEN outside a's) and their number.
func (db *DB) ListTrainings(ctx context.Context, a *hezuo.Access, f store.TrainingFilter, today hezuo.Date) ([]store.TrainingItem, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	cond, condArgs, att, attArgs := trainingReach(a, scope, today)
	w := (&where{}).add(cond, condArgs...)
	w.like(f.Q, "t.no", "t.topic")
	w.eq("u.code", f.Organizer)
	w.eq("t.industry", f.Industry)
	w.eq("t.mode", f.Mode)
	w.during("t.held_on", f.From, f.To)
	total, err := db.countWhere(ctx, `FROM trainings t JOIN units u ON u.id = t.organizer_id`, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	sorts := map[string]string{"attendances": "(SELECT count(*) FROM training_attendances ta WHERE ta.training_id = t.id AND " + att + ")"}
	for k, v := range trainingSorts {
		sorts[k] = v
	}
	args := append(append(append([]any{}, attArgs...), w.args...), per, off)
	if _, ok := sorts[trimDesc(f.Sort)]; ok && trimDesc(f.Sort) == "attendances" {
		args = append(append(append(append([]any{}, attArgs...), w.args...), attArgs...), per, off)
	}
	var out []store.TrainingItem
	err = db.eachRow(ctx, trainingCols(att)+` WHERE `+w.String()+` ORDER BY `+sortClause(sorts, f.Sort, "t.held_on DESC", "t.id")+
		` LIMIT ? OFFSET ?`, args, func(r rowScanner) error {
		var t store.TrainingItem
		err := scanTraining(r, &t)
		out = append(out, t)
		return err
	})
	return out, total, err
}

func trimDesc(k string) string {
	if len(k) > 0 && k[0] == '-' {
		return k[1:]
	}
	return k
}

// GetTraining returns the session with database id and the attendees a
// may see, if a sees the session (else ENOTFOUND).
func (db *DB) GetTraining(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*store.TrainingDetail, error) {
	cond, condArgs, att, attArgs := trainingReach(a, a.Scope, today)
	d := &store.TrainingDetail{}
	err := scanTraining(db.QueryRowContext(ctx, db.rebind(trainingCols(att)+` WHERE t.id = ? AND `+cond),
		append(append(append([]any{}, attArgs...), id), condArgs...)...), &d.TrainingItem)
	if err != nil {
		return nil, notFoundIfNoRows(err, "培训", "training", itoa(id))
	}
	err = db.eachRow(ctx, `SELECT pe.id, pe.name, coalesce(o.org_no, ''), coalesce(o.name, '')
		FROM training_attendances ta JOIN people pe ON pe.id = ta.person_id LEFT JOIN orgs o ON o.id = ta.org_id
		WHERE ta.training_id = ? AND `+att+` ORDER BY o.org_no, pe.name, pe.id`, append([]any{id}, attArgs...), collect(&d.Attendees, func(r rowScanner, at *store.TrainingAttendee) error {
		return r.Scan(&at.PersonID, &at.Name, &at.OrgNo, &at.OrgName)
	}))
	return d, err
}

// TrainingFiguresOf returns the training figures of the sessions a sees in
// the requested scope held up to day.
func (db *DB) TrainingFiguresOf(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day, today hezuo.Date) (*store.TrainingFigures, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	cond, condArgs, att, attArgs := trainingReach(a, scope, today)
	f := &store.TrainingFigures{AsOf: day}
	base := append(append([]any{day}, condArgs...), attArgs...)
	from := ` FROM trainings t JOIN units u ON u.id = t.organizer_id WHERE t.held_on <= ? AND ` + cond
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*)`+from), base[:1+len(condArgs)]...).Scan(&f.Sessions); err != nil {
		return nil, err
	}
	join := ` FROM training_attendances ta JOIN trainings t ON t.id = ta.training_id JOIN units u ON u.id = t.organizer_id
		LEFT JOIN orgs o2 ON o2.id = ta.org_id WHERE t.held_on <= ? AND ` + cond + ` AND ` + att
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*), count(DISTINCT ta.person_id)`+join), base...).Scan(&f.Attendances, &f.People); err != nil {
		return nil, err
	}
	group := func(key, name string, out *[]store.TrainingFigure) error {
		return db.eachRow(ctx, `SELECT `+key+`, `+name+`, count(DISTINCT t.id), count(*), count(DISTINCT ta.person_id)`+join+
			` GROUP BY `+key+`, `+name+` ORDER BY count(*) DESC, `+key, base, func(r rowScanner) error {
			var x store.TrainingFigure
			err := r.Scan(&x.Code, &x.Name, &x.Sessions, &x.Attendances, &x.People)
			*out = append(*out, x)
			return err
		})
	}
	if err := group("coalesce(o2.org_no, '')", "coalesce(o2.name, '')", &f.ByOrg); err != nil {
		return nil, err
	}
	if err := group("u.code", "u.name", &f.ByOrganizer); err != nil {
		return nil, err
	}
	// Sessions without attendances still count for their organizer.
	var empty []store.TrainingFigure
	err = db.eachRow(ctx, `SELECT u.code, u.name, count(*)`+from+` AND NOT EXISTS (SELECT 1 FROM training_attendances ta WHERE ta.training_id = t.id AND `+att+`)
		GROUP BY u.code, u.name`, append(base[:1+len(condArgs)], attArgs...), collect(&empty, func(r rowScanner, x *store.TrainingFigure) error {
		return r.Scan(&x.Code, &x.Name, &x.Sessions)
	}))
	for _, e := range empty {
		found := false
		for i := range f.ByOrganizer {
			if f.ByOrganizer[i].Code == e.Code {
				f.ByOrganizer[i].Sessions += e.Sessions
				found = true
			}
		}
		if !found {
			f.ByOrganizer = append(f.ByOrganizer, e)
		}
	}
	return f, err
}

// TrainingTrend returns, for each year from first to last, the sessions a
// sees in the requested scope held that year (not after day) and their
// attendances: the dashboard's platform trend.
func (db *DB) TrainingTrend(ctx context.Context, a *hezuo.Access, req hezuo.Scope, first, last int, day, today hezuo.Date) ([]store.TrainingYear, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	cond, condArgs, att, attArgs := trainingReach(a, scope, today)
	out := make([]store.TrainingYear, 0, last-first+1)
	at := map[int]int{}
	for y := first; y <= last; y++ {
		out = append(out, store.TrainingYear{Year: y})
		at[y] = len(out) - 1
	}
	year := `CAST(substr(CAST(t.held_on AS TEXT), 1, 4) AS INTEGER)`
	args := append([]any{hezuo.DateOf(first, 1, 1), day}, condArgs...)
	err = db.eachRow(ctx, `SELECT `+year+`, count(*), coalesce(sum((SELECT count(*) FROM training_attendances ta WHERE ta.training_id = t.id AND `+att+`)), 0)
		FROM trainings t WHERE t.held_on >= ? AND t.held_on <= ? AND `+cond+` GROUP BY `+year,
		append(append([]any{}, attArgs...), args...), func(r rowScanner) error {
			var y, n, m int
			if err := r.Scan(&y, &n, &m); err != nil {
				return err
			}
			if i, ok := at[y]; ok {
				out[i].Sessions, out[i].Attendances = n, m
			}
			return nil
		})
	return out, err
}
