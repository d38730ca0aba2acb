package sqldb

import (
	"context"
	"sort"
	"strconv"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// The member development page (issue 5): people by step with each step's
// date and what rules.Development says is due or overdue, and per
// instructor what the orgs dispatched to achieved. People are keyed by
// database id inside (the rules' IDNumber carries "p<id>"), so no ID number
// is read for display.

func pkey(id int64) string { return "p" + strconv.FormatInt(id, 10) }

func unkey(k string) int64 {
	n, _ := strconv.ParseInt(k[1:], 10, 64)
	return n
}

// devMembers returns the conditions "membership m of org o is active on
// day in an org a reaches in scope" and their arguments.
func devMembers(a *hezuo.Access, scope hezuo.Scope, day hezuo.Date) *where {
	w := orgAccess(a, day)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w.addPair(active("m", day))
	return w
}

// Development returns the development page of the requested scope on day
// for a (EFORBIDDEN outside a's scope). state filters people by an item
// state (due, overdue, ready, irregular; "" any).
func (db *DB) Development(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date, step, state string, page, perPage int) (*store.DevPage, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	w := devMembers(a, scope, day)
	people := map[int64]*store.DevPerson{}
	hist := map[int64][]hezuo.PartyStatus{}
	// Joined from the memberships (an index seek per membership) rather
	// than party_status IN (…): several times faster on SQLite.
	err = db.eachRow(ctx, `SELECT DISTINCT pe.id, pe.name, s.status, s.valid_from, s.valid_to, s.id FROM memberships m JOIN orgs o ON o.id = m.org_id
		JOIN party_status s ON s.person_id = m.person_id JOIN people pe ON pe.id = s.person_id
		WHERE `+w.String()+` ORDER BY pe.id, s.valid_from, s.id`, w.args, func(r rowScanner) error {
		var id int64
		var name string
		var s hezuo.PartyStatus
		if err := r.Scan(&id, &name, &s.Status, &s.From, &s.To, &s.ID); err != nil {
			return err
		}
		s.IDNumber = pkey(id)
		if people[id] == nil {
			people[id] = &store.DevPerson{PersonID: id, Name: name, Steps: map[string]hezuo.Date{}}
		}
		if s.From.After(day) {
			return nil
		}
		hist[id] = append(hist[id], s)
		if _, ok := people[id].Steps[s.Status]; !ok {
			people[id].Steps[s.Status] = s.From
		}
		if s.Period.ActiveOn(day) {
			people[id].Status, people[id].Since = s.Status, s.From
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = db.eachRow(ctx, `SELECT DISTINCT m.person_id, o.org_no FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE `+w.String()+` AND EXISTS (SELECT 1 FROM party_status s WHERE s.person_id = m.person_id) ORDER BY o.org_no`,
		w.args, func(r rowScanner) error {
			var id int64
			var org string
			err := r.Scan(&id, &org)
			if p := people[id]; p != nil {
				p.Orgs = append(p.Orgs, org)
			}
			return err
		})
	if err != nil {
		return nil, err
	}
	out := &store.DevPage{AsOf: day, ByStep: map[string]int{}}
	var list []store.DevPerson
	for id, p := range people {
		if p.Status == "" {
			continue
		}
		out.ByStep[p.Status]++
		p.Items = rules.Development(st, hist[id], day)
		match := state == ""
		for i := range p.Items {
			p.Items[i].IDNumber = ""
			switch p.Items[i].State {
			case rules.DevDue:
				out.Due++
			case rules.DevOverdue:
				out.Overdue++
			case rules.DevReady:
				out.Ready++
			case rules.DevIrregular:
				out.Irregular++
			}
			match = match || p.Items[i].State == state
		}
		if !match || (step == "" && p.Status == hezuo.StatusFull && len(p.Items) == 0) || (step != "" && p.Status != step) {
			continue
		}
		list = append(list, *p)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Status != list[j].Status {
			return stepRank(list[i].Status) < stepRank(list[j].Status)
		}
		if !list[i].Since.Equal(list[j].Since) {
			return list[i].Since.Before(list[j].Since)
		}
		return list[i].PersonID < list[j].PersonID
	})
	out.Total = len(list)
	per, off := pageBounds(page, perPage)
	if off < len(list) {
		out.People = list[off:min(off+per, len(list))]
	}
	out.Instructors, err = db.devInstructors(ctx, a, scope, st, day)
	return out, err
}

func stepRank(s string) int {
	for i, x := range store.DevSteps {
		if x == s {
			return i
		}
	}
	return len(store.DevSteps)
}

// devInstructors counts what the members of the orgs a reaches in scope
// achieved while an instructor was dispatched to them (rules.DevelopmentReport).
func (db *DB) devInstructors(ctx context.Context, a *hezuo.Access, scope hezuo.Scope, st rules.Settings, day hezuo.Date) ([]store.DevInstructor, error) {
	w := orgAccess(a, day)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	f := rules.DevFacts{Orgs: map[string]string{}, Names: map[string]string{}}
	orgs := `SELECT d.org_id FROM dispatches d JOIN orgs o ON o.id = d.org_id WHERE ` + w.String()
	err := db.eachRow(ctx, `SELECT i.person_id, pe.name, o.org_no, o.name, d.valid_from, d.valid_to FROM dispatches d
		JOIN instructors i ON i.id = d.instructor_id JOIN people pe ON pe.id = i.person_id JOIN orgs o ON o.id = d.org_id
		WHERE `+w.String()+` ORDER BY i.person_id, o.org_no, d.valid_from`, w.args, func(r rowScanner) error {
		var id int64
		var name, orgName string
		var d hezuo.Dispatch
		err := r.Scan(&id, &name, &d.OrgNo, &orgName, &d.From, &d.To)
		d.IDNumber = pkey(id)
		f.Dispatches = append(f.Dispatches, d)
		f.Names[d.IDNumber], f.Orgs[d.OrgNo] = name, orgName
		return err
	})
	if err != nil || len(f.Dispatches) == 0 {
		return nil, err
	}
	err = db.eachRow(ctx, `SELECT m.person_id, o.org_no, m.valid_from, m.valid_to FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE m.org_id IN (`+orgs+`) ORDER BY m.person_id, m.valid_from`, w.args, func(r rowScanner) error {
		var id int64
		var m hezuo.Membership
		err := r.Scan(&id, &m.OrgNo, &m.From, &m.To)
		m.IDNumber = pkey(id)
		f.Memberships = append(f.Memberships, m)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = db.eachRow(ctx, `SELECT s.person_id, s.status, s.valid_from, s.valid_to FROM party_status s
		WHERE s.person_id IN (SELECT m.person_id FROM memberships m WHERE m.org_id IN (`+orgs+`)) ORDER BY s.person_id, s.valid_from`,
		w.args, func(r rowScanner) error {
			var id int64
			var s hezuo.PartyStatus
			err := r.Scan(&id, &s.Status, &s.From, &s.To)
			s.IDNumber = pkey(id)
			f.PartyStatus = append(f.PartyStatus, s)
			return err
		})
	if err != nil {
		return nil, err
	}
	rep := rules.DevelopmentReport(st, f, day)
	out := make([]store.DevInstructor, 0, len(rep.Instructors))
	for _, x := range rep.Instructors {
		out = append(out, store.DevInstructor{PersonID: unkey(x.IDNumber), Name: x.Name, Orgs: x.Orgs, Activists: x.Activists,
			Candidates: x.Candidates, Probationary: x.Probationary, Converted: x.Converted})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PersonID < out[j].PersonID })
	return out, nil
}
