package sqldb

import (
	"context"
	"strings"

	"hezuo"
)

// partyOrgItems reads party organizations matching cond (on alias p) with
// their seat name, secretary and the orgs they cover on day, by number;
// per 0 reads all.
func (db *DB) partyOrgItems(ctx context.Context, cond string, args []any, day hezuo.Date, per, off int) ([]hezuo.PartyOrgItem, error) {
	return db.partyOrgItemsBy(ctx, cond, args, day, " ORDER BY p.no", per, off)
}

// Sort keys of the registries' lists (see orderBy).
var (
	partyOrgSorts   = map[string]string{"no": "p.no", "name": "p.name", "form": "p.form", "seat": "p.seat", "founded": "p.valid_from"}
	instructorSorts = map[string]string{"name": "pe.name", "township": "i.township", "unit": "i.unit", "id": "i.id"}
	divisionSorts   = map[string]string{"code": "dv.code", "name": "dv.name", "level": "dv.level", "orgs": "n_orgs"}
)

// partyOrgItemsBy is partyOrgItems in the order of the ORDER BY clause order.
func (db *DB) partyOrgItemsBy(ctx context.Context, cond string, args []any, day hezuo.Date, order string, per, off int) ([]hezuo.PartyOrgItem, error) {
	fc, fa := active("f", day)
	q := `SELECT p.id, p.no, p.name, p.form, p.joint_kind, p.seat, p.founding_method, p.term_years, p.elected_on,
		p.valid_from, p.valid_to, coalesce(s.name, ''),
		coalesce((SELECT min(pe.name) FROM officers f JOIN people pe ON pe.id = f.person_id
			WHERE f.party_org_id = p.id AND f.role = 'secretary' AND ` + fc + `), '')
		FROM party_orgs p LEFT JOIN divisions s ON s.code = p.seat WHERE ` + cond + order
	all := append(append([]any{}, fa...), args...)
	if per > 0 {
		q += ` LIMIT ? OFFSET ?`
		all = append(all, per, off)
	}
	out := []hezuo.PartyOrgItem{}
	byID := map[int64]int{}
	err := db.eachRow(ctx, q, all, func(r rowScanner) error {
		var it hezuo.PartyOrgItem
		p := &it.PartyOrg
		if err := r.Scan(&p.ID, &p.No, &p.Name, &p.Form, &p.JointKind, &p.Seat, &p.FoundingMethod, &p.TermYears, &p.ElectedOn,
			&p.From, &p.To, &it.SeatName, &it.Secretary); err != nil {
			return err
		}
		byID[p.ID] = len(out)
		out = append(out, it)
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids, in := idList(byID)
	lc, la := active("l", day)
	err = db.eachRow(ctx, `SELECT l.party_org_id, o.org_no FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id
		WHERE l.party_org_id IN (`+in+`) AND `+lc+` ORDER BY o.org_no`, append(ids, la...), func(r rowScanner) error {
		var id int64
		var no string
		if err := r.Scan(&id, &no); err != nil {
			return err
		}
		out[byID[id]].Orgs = append(out[byID[id]].Orgs, no)
		return nil
	})
	return out, err
}

// idList returns a map's keys as arguments and the matching "?, ?, …".
func idList[V any](m map[int64]V) ([]any, string) {
	keys := sortedKeys(m)
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	return args, strings.TrimSuffix(strings.Repeat("?, ", len(keys)), ", ")
}

// instructorItems reads instructors matching cond (on alias i) with their
// dispatches, by township and name; per 0 reads all.
func (db *DB) instructorItems(ctx context.Context, cond string, args []any, per, off int) ([]hezuo.InstructorItem, error) {
	return db.instructorItemsBy(ctx, cond, args, " ORDER BY i.township, pe.name, i.id", per, off)
}

// instructorItemsBy is instructorItems in the order of the ORDER BY clause
// order.
func (db *DB) instructorItemsBy(ctx context.Context, cond string, args []any, order string, per, off int) ([]hezuo.InstructorItem, error) {
	q := `SELECT i.id, pe.name, i.township, i.unit, coalesce(t.name, '') FROM instructors i JOIN people pe ON pe.id = i.person_id
		LEFT JOIN divisions t ON t.code = i.township || '000' WHERE ` + cond + order
	if per > 0 {
		q += ` LIMIT ? OFFSET ?`
		args = append(append([]any{}, args...), per, off)
	}
	out := []hezuo.InstructorItem{}
	byID := map[int64]int{}
	err := db.eachRow(ctx, q, args, func(r rowScanner) error {
		var it hezuo.InstructorItem
		if err := r.Scan(&it.ID, &it.Name, &it.Township, &it.Unit, &it.TownshipName); err != nil {
			return err
		}
		it.Dispatches = []hezuo.Dispatch{}
		byID[it.ID] = len(out)
		out = append(out, it)
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	ids, in := idList(byID)
	err = db.eachRow(ctx, `SELECT d.instructor_id, o.org_no, d.valid_from, d.valid_to FROM dispatches d JOIN orgs o ON o.id = d.org_id
		WHERE d.instructor_id IN (`+in+`) ORDER BY d.valid_from, o.org_no`, ids, func(r rowScanner) error {
		var id int64
		var d hezuo.Dispatch
		if err := r.Scan(&id, &d.OrgNo, &d.From, &d.To); err != nil {
			return err
		}
		out[byID[id]].Dispatches = append(out[byID[id]].Dispatches, d)
		return nil
	})
	return out, err
}

// visibleOrgIDs is the subquery of the ids of the orgs a may see (any day
// for division roles; see orgAccess) with its arguments.
func visibleOrgIDs(a *hezuo.Access, day hezuo.Date) (string, []any) {
	w := orgAccess(a, day)
	return `SELECT o.id FROM orgs o WHERE ` + w.String(), w.args
}

// ListPartyOrgs returns a page of the party organizations a may see: those
// seated in its scope (for division roles) or covering an org it may see,
// active on the filter's day, and their number; sorted by f.Sort (no,
// name, form, seat, founded; "-" for descending).
func (db *DB) ListPartyOrgs(ctx context.Context, a *hezuo.Access, f hezuo.ListFilter, today hezuo.Date) ([]hezuo.PartyOrgItem, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	day := dayOr(f.Day, today)
	w := &where{}
	partyOrgsSeen(w, a, day)
	if f.Linked {
		// party_orgs.*: linked that day to an org in scope existing then.
		lc, la := active("l2", day)
		oc, oa := orgActive("o2", day)
		w.add(`p.id IN (SELECT l2.party_org_id FROM party_org_orgs l2 JOIN orgs o2 ON o2.id = l2.org_id
			WHERE `+lc+` AND `+oc+` AND o2.village BETWEEN ? AND ?)`, append(append(la, oa...), scopeArgs(scope)...)...)
	} else {
		w.add("p.seat BETWEEN ? AND ?", scopeArgs(scope)...)
	}
	w.addPair(active("p", day))
	w.eq("p.form", f.Form)
	if q := strings.TrimSpace(f.Q); q != "" {
		w.add("(p.no LIKE ? OR p.name LIKE ?)", "%"+q+"%", "%"+q+"%")
	}
	total, err := db.countWhere(ctx, `FROM party_orgs p`, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	items, err := db.partyOrgItemsBy(ctx, w.String(), w.args, day, orderBy(partyOrgSorts, f.Sort, "no", "p.no"), per, off)
	return items, total, err
}

// partyOrgsSeen adds to w (over party_orgs p) the party organizations a
// may see on day: those seated in its scope (for division roles) or
// covering an org it may see.
func partyOrgsSeen(w *where, a *hezuo.Access, day hezuo.Date) {
	vis, va := visibleOrgIDs(a, day)
	reach := `p.id IN (SELECT l.party_org_id FROM party_org_orgs l WHERE l.org_id IN (` + vis + `))`
	if a.ByDivision() {
		w.add("(p.seat BETWEEN ? AND ? OR "+reach+")", append(scopeArgs(a.Scope), va...)...)
	} else {
		w.add(reach, va...)
	}
}

// ListInstructors returns a page of the instructors a may see: those sent
// by a township in its scope (division roles) or dispatched to an org it may
// see, and their number; sorted by f.Sort (township, name, unit).
func (db *DB) ListInstructors(ctx context.Context, a *hezuo.Access, f hezuo.ListFilter, today hezuo.Date) ([]hezuo.InstructorItem, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	day := dayOr(f.Day, today)
	vis, va := visibleOrgIDs(a, day)
	w := &where{}
	reach := `i.id IN (SELECT d.instructor_id FROM dispatches d WHERE d.org_id IN (` + vis + `))`
	lo, hi := a.Scope.Range()
	if a.ByDivision() {
		w.add("(i.township BETWEEN ? AND ? OR "+reach+")", append([]any{lo[:9], hi[:9]}, va...)...)
	} else {
		w.add(reach, va...)
	}
	slo, shi := scope.Range()
	w.add("i.township BETWEEN ? AND ?", slo[:9], shi[:9])
	if f.Linked {
		// instructors.dispatched: a dispatch that day to an org existing then.
		dc, da := active("d2", day)
		oc, oa := orgActive("o2", day)
		w.add(`i.id IN (SELECT d2.instructor_id FROM dispatches d2 JOIN orgs o2 ON o2.id = d2.org_id WHERE `+dc+` AND `+oc+`)`,
			append(da, oa...)...)
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		w.add("(pe.name LIKE ? OR i.unit LIKE ?)", "%"+q+"%", "%"+q+"%")
	}
	total, err := db.countWhere(ctx, `FROM instructors i JOIN people pe ON pe.id = i.person_id`, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	items, err := db.instructorItemsBy(ctx, w.String(), w.args, orderBy(instructorSorts, f.Sort, "township", "i.id"), per, off)
	return items, total, err
}

// ListDivisions returns a page of the divisions in a's scope (Form selects a
// level) with the number of orgs a may see in each, and their number;
// sorted by f.Sort (code, name, level, orgs).
func (db *DB) ListDivisions(ctx context.Context, a *hezuo.Access, f hezuo.ListFilter, today hezuo.Date) ([]hezuo.DivisionItem, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	w := &where{}
	w.add("dv.code BETWEEN ? AND ?", scopeArgs(scope)...)
	w.eq("dv.level", f.Form)
	if q := strings.TrimSpace(f.Q); q != "" {
		w.add("(dv.code LIKE ? OR dv.name LIKE ?)", q+"%", "%"+q+"%")
	}
	total, err := db.countWhere(ctx, `FROM divisions dv`, w)
	if err != nil {
		return nil, 0, err
	}
	day := dayOr(f.Day, today)
	vis, va := visibleOrgIDs(a, day)
	oc, oa := orgActive("o2", day)
	per, off := pageBounds(f.Page, f.PerPage)
	// A division's orgs: those whose home village code starts with its
	// significant digits (rtrim of the padding zeros is not portable, so
	// compare by level) — a range of the village index from the division's
	// code, which drives the count (+o2.id keeps the visible set from doing
	// so: issue 7, a province's townships would each scan every org).
	q := `SELECT dv.code, dv.name, dv.level, (SELECT count(*) FROM orgs o2 WHERE o2.village BETWEEN dv.code AND CASE dv.level
			WHEN 'village' THEN dv.code WHEN 'township' THEN substr(dv.code, 1, 9) || '999'
			WHEN 'county' THEN substr(dv.code, 1, 6) || '999999' END
			AND +o2.id IN (` + vis + `) AND ` + oc + `) AS n_orgs
		FROM divisions dv WHERE ` + w.String() + orderBy(divisionSorts, f.Sort, "code", "dv.code") + ` LIMIT ? OFFSET ?`
	args := append(append(append([]any{}, va...), oa...), w.args...)
	var out []hezuo.DivisionItem
	err = db.eachRow(ctx, q, append(args, per, off), collect(&out, func(r rowScanner, it *hezuo.DivisionItem) error {
		return r.Scan(&it.Code, &it.Name, &it.Level, &it.Orgs)
	}))
	return out, total, err
}

// dayOr is d, or today when d is zero: a list's day defaults to its
// caller's today.
func dayOr(d, today hezuo.Date) hezuo.Date {
	if d.IsZero() {
		return today
	}
	return d
}
