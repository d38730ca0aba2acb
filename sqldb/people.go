package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"hezuo"
)

// visiblePeople is the condition "person pe is one a may see": a member (at
// any time) of an org a may see, or, for division roles, living in a's scope.
func visiblePeople(a *hezuo.Access, day hezuo.Date) (string, []any) {
	if a.ByDivision() && len(a.Scope.Prefix) <= 4 {
		// A prefecture or wider reaches most people: test each person as
		// the list's order reaches it (the village column wrapped so that
		// no index on it is preferred to the order's), rather than gather
		// millions of ids first (issue 7).
		lo, hi := a.Scope.Range()
		return `(coalesce(pe.village, '') BETWEEN ? AND ? OR EXISTS (SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id
			WHERE m.person_id = pe.id AND o.village BETWEEN ? AND ?))`, []any{lo, hi, lo, hi}
	}
	vis, va := visibleOrgIDs(a, day)
	cond := `pe.id IN (SELECT m.person_id FROM memberships m WHERE m.org_id IN (` + vis + `))`
	if a.ByDivision() {
		cond = `(` + cond + ` OR pe.village BETWEEN ? AND ?)`
		va = append(va, scopeArgs(a.Scope)...)
	}
	return cond, va
}

// personSorts maps the people list's sort keys to its columns; the id breaks
// ties. "birth_date" sorts by the birth year: a list masks ID numbers, so it
// shows only the year (hezuo.ShownBirth), and an order by the whole date,
// or a cursor holding one, would give away the hidden digits.
var personSorts = map[string]sortCol{"name": {"pe.name", 't'}, "village": {"coalesce(pe.village, '')", 't'},
	"birth_date": {birthYearSQL, 'i'}, "id": {"pe.id", 'i'}}

// birthYearSQL is the birth year of person pe, in both dialects (a date's
// text form is YYYY-MM-DD in both).
const birthYearSQL = `CAST(substr(CAST(pe.birth_date AS TEXT), 1, 4) AS INTEGER)`

// personSortValue is the value of p's column sorted by key, as a cursor holds it.
func personSortValue(p *hezuo.PersonItem, key string) string {
	switch strings.TrimPrefix(key, "-") {
	case "village":
		return p.Village
	case "birth_date":
		return strconv.Itoa(p.BirthYear)
	case "id":
		return itoa(p.ID)
	}
	return p.Name
}

const personCols = `pe.id, pe.id_sealed, pe.name, pe.sex, pe.birth_date, coalesce(pe.village, ''), pe.phone_sealed, pe.talent_since, pe.leader_since`

// scanPerson reads a person (personCols, then extra) with the talent and
// leader marks as of today.
func (db *DB) scanPerson(r rowScanner, today hezuo.Date, extra ...any) (hezuo.PersonItem, error) {
	var p hezuo.PersonItem
	var talent, leader hezuo.Date
	err := r.Scan(append([]any{&p.ID, db.opened(&p.IDNumber), &p.Name, &p.Sex, &p.BirthDate, &p.Village, db.opened(&p.Phone), &talent, &leader}, extra...)...)
	p.Talent = !talent.IsZero() && !today.Before(talent)
	p.Leader = !leader.IsZero() && !today.Before(leader)
	p.Orgs = []string{}
	p.BirthDate, p.BirthYear = hezuo.ShownBirth(p.BirthDate, false) // whole until masked
	return p, err
}

// ListPeople returns a page of the people a may see that the filter
// selects, with ID numbers and phones always masked and birth dates reduced
// to years (a list is not a reason to see them; GetPerson is), and their
// number (for a prefecture or wider, up to f.CountCap: cappedPeopleCount).
// Only roles that see whole numbers find a person by one (f.Q). With OrgNo
// the rows are that org's memberships (current ones on the day unless Ended… see
// PersonFilter), and an org a may not see is ENOTFOUND.
func (db *DB) ListPeople(ctx context.Context, a *hezuo.Access, f hezuo.PersonFilter, today hezuo.Date) (*hezuo.PersonList, error) {
	day := dayOr(f.Day, today)
	w := &where{}
	from := `people pe`
	extraCols := `, '', NULL, NULL`
	wide := f.OrgNo == "" && a.ByDivision() && len(a.Scope.Prefix) <= 4
	if f.OrgNo != "" {
		it, err := db.orgItem(ctx, db, a, f.OrgNo, day)
		if err != nil {
			return nil, err
		}
		from = `memberships m JOIN people pe ON pe.id = m.person_id`
		extraCols = `, m.role, m.valid_from, m.valid_to`
		w.add("m.org_id = ?", it.ID)
		w.addPair(active("m", day))
	} else {
		w.addPair(visiblePeople(a, day))
	}
	filters := &where{}
	if q := strings.TrimSpace(f.Q); q != "" && a.SeesPersonalData() {
		// A whole ID number matches by its keyed hash; part of one cannot.
		filters.add("(pe.name LIKE ? OR pe.id_hash = ?)", "%"+q+"%", db.idHash(q))
	} else if q != "" {
		// Not for a role that sees numbers masked: the masked number and
		// birth year leave 32 to 35 candidates, and a search would tell
		// which one is right (hezuo.ShownBirth).
		filters.add("pe.name LIKE ?", "%"+q+"%")
	}
	if f.Party {
		filters.addPair(partyCond(day))
	}
	if f.Talent {
		filters.add("pe.talent_since <= ?", day)
	}
	w.conds, w.args = append(w.conds, filters.conds...), append(w.args, filters.args...)
	list := &hezuo.PersonList{Items: []hezuo.PersonItem{}}
	count := func() (int, error) {
		var n int
		err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM `+from+` WHERE `+w.String()), w.args...).Scan(&n)
		return n, err
	}
	var err error
	if wide {
		// Millions of people: counted up to the cap only, then exactly
		// (and cached, people_count.go) when fewer.
		list.Total, list.TotalCapped, err = db.cappedPeopleCount(ctx, a, filters, f.CountCap, count)
	} else {
		list.Total, err = count()
	}
	if err != nil {
		return nil, err
	}
	// Deep pages by cursor, as ListOrgs.
	order := newListOrder(personSorts, f.Sort, "name", sortCol{"pe.id", 'i'})
	page := newListPage(w, order, f.After, f.Before, f.Page, f.PerPage)
	tail, targs := page.tail()
	err = db.eachRow(ctx, `SELECT `+personCols+extraCols+` FROM `+from+` WHERE `+w.String()+tail,
		append(w.args, targs...), func(r rowScanner) error {
			var role sql.NullString
			var joined, left hezuo.Date
			p, err := db.scanPerson(r, today, &role, &joined, &left) // marks as of today, whatever day is listed
			p.Role, p.Joined, p.Left = role.String, joined, left
			p.Mask()
			list.Items = append(list.Items, p)
			return err
		})
	if err != nil {
		return nil, err
	}
	var prev, next bool
	list.Items, prev, next = trim(page, list.Items)
	byID := map[int64]int{}
	for i, p := range list.Items {
		byID[p.ID] = i
	}
	if n := len(list.Items); n > 0 {
		if prev {
			list.Prev = order.cursor(personSortValue(&list.Items[0], order.key), itoa(list.Items[0].ID))
		}
		if next {
			list.Next = order.cursor(personSortValue(&list.Items[n-1], order.key), itoa(list.Items[n-1].ID))
		}
	}
	return list, db.personFacts(ctx, a, day, list.Items, byID)
}

// cappedPeopleCount counts the people of a's scope (a prefecture or
// wider) that filters select, up to limit (0: hezuo.PeopleCountCap). The
// residents of the scope are counted first, up to limit+1, through the
// index on the village; the people visible are a superset of them, so
// past limit the answer is limit and capped, whatever the scope's size.
// Otherwise count makes the exact count (the residents and the members
// living elsewhere). Either is kept in the count cache (people_count.go): a
// search by name reads the scope's residents.
func (db *DB) cappedPeopleCount(ctx context.Context, a *hezuo.Access, filters *where, limit int, count func() (int, error)) (int, bool, error) {
	if limit <= 0 {
		limit = hezuo.PeopleCountCap
	}
	w := (&where{}).add("pe.village BETWEEN ? AND ?", scopeArgs(a.Scope)...)
	w.conds, w.args = append(w.conds, filters.conds...), append(w.args, filters.args...)
	n, err := db.peopleCount(ctx, fmt.Sprint(a.Role, "|", a.Scope.Prefix, "|", w.String(), "|", w.args, "|", limit), func() (int, error) {
		var n int
		err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM (SELECT 1 FROM people pe WHERE `+w.String()+` LIMIT ?) r`),
			append(w.args, limit+1)...).Scan(&n)
		if err != nil || n > limit {
			return n, err
		}
		return count()
	})
	if err != nil {
		return 0, false, err
	}
	if n > limit {
		return limit, true, nil
	}
	return n, false, nil
}

// personFacts fills the party status on day and the orgs (that a may see)
// of the people in items.
func (db *DB) personFacts(ctx context.Context, a *hezuo.Access, day hezuo.Date, items []hezuo.PersonItem, byID map[int64]int) error {
	if len(items) == 0 {
		return nil
	}
	ids, in := idList(byID)
	sc, sa := active("ps", day)
	err := db.eachRow(ctx, `SELECT ps.person_id, ps.status FROM party_status ps WHERE ps.person_id IN (`+in+`) AND `+sc+` ORDER BY ps.valid_from`,
		append(append([]any{}, ids...), sa...), func(r rowScanner) error {
			var id int64
			var st string
			err := r.Scan(&id, &st)
			items[byID[id]].PartyStatus = st
			return err
		})
	if err != nil {
		return err
	}
	vis, va := visibleOrgIDs(a, day)
	visible := `m.org_id IN (` + vis + `)`
	if a.ByDivision() {
		// The same orgs (orgAccess), tested on the row joined rather than
		// gathered first: a province holds 100,000.
		visible, va = `o.village BETWEEN ? AND ?`, scopeArgs(a.Scope)
	}
	mc, ma := active("m", day)
	return db.eachRow(ctx, `SELECT m.person_id, o.org_no FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE m.person_id IN (`+in+`) AND `+mc+` AND `+visible+` ORDER BY o.org_no`,
		append(append(append([]any{}, ids...), ma...), va...), func(r rowScanner) error {
			var id int64
			var no string
			err := r.Scan(&id, &no)
			items[byID[id]].Orgs = append(items[byID[id]].Orgs, no)
			return err
		})
}

// GetPerson returns the person key (database id, or whole ID number) if a
// may see it, with its memberships of orgs a may see. For a role that may
// see personal data the ID number and phone are whole and the view is
// written to the audit log; otherwise they are masked, the birth date
// reduced to its year (PersonItem.Mask), and a key that is not a database
// id is EFORBIDDEN. A person a may not see is ENOTFOUND.
func (db *DB) GetPerson(ctx context.Context, a *hezuo.Access, key string, now time.Time) (*hezuo.PersonDetail, error) {
	day := dayAt(now)
	w := &where{}
	w.addPair(visiblePeople(a, day))
	if id, err := strconv.ParseInt(key, 10, 64); err == nil && len(key) < 15 {
		w.add("pe.id = ?", id)
	} else if !a.SeesPersonalData() {
		// Whatever the key: an answer would confirm a guessed number (see
		// ListPeople's search).
		return nil, hezuo.Errorf(hezuo.EFORBIDDEN, "您的角色不能按身份证号查找人员", "your role may not look people up by ID number")
	} else {
		w.add("pe.id_hash = ?", db.idHash(key))
	}
	p, err := db.scanPerson(db.QueryRowContext(ctx, db.rebind(`SELECT `+personCols+` FROM people pe WHERE `+w.String()), w.args...), day)
	if errors.Is(err, sql.ErrNoRows) {
		shown := key
		if len(key) >= 15 {
			shown = hezuo.MaskIDNumber(key)
		}
		return nil, notFound("人员", "person", shown)
	} else if err != nil {
		return nil, err
	}
	items := []hezuo.PersonItem{p}
	if err := db.personFacts(ctx, a, day, items, map[int64]int{p.ID: 0}); err != nil {
		return nil, err
	}
	d := &hezuo.PersonDetail{PersonItem: items[0], Memberships: []hezuo.MembershipItem{}}
	vis, va := visibleOrgIDs(a, day)
	err = db.eachRow(ctx, `SELECT o.org_no, o.name, m.role, m.valid_from, m.valid_to FROM memberships m JOIN orgs o ON o.id = m.org_id
		WHERE m.person_id = ? AND m.org_id IN (`+vis+`) ORDER BY m.valid_from, o.org_no`, append([]any{p.ID}, va...), collect(&d.Memberships, func(r rowScanner, m *hezuo.MembershipItem) error {
		return r.Scan(&m.OrgNo, &m.OrgName, &m.Role, &m.From, &m.To)
	}))
	if err != nil {
		return nil, err
	}
	if !a.SeesPersonalData() {
		d.PersonItem.Mask()
		return d, nil
	}
	return d, db.Audit(ctx, a, now, hezuo.ActionView, "person", hezuo.MaskIDNumber(p.IDNumber), p.Village, "查看完整身份证号和电话 / viewed the whole ID number and phone")
}
