package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"hezuo"
)

// orgSelect reads an org list row: the org, its version and the names of its
// home village and township.
const orgSelect = `SELECT o.id, o.org_no, o.name, o.kind, o.registered_on, o.credit_code, o.village, o.industry,
	o.households_driven, o.model, o.model_note, o.founded, o.dissolved, o.version,
	coalesce(v.name, ''), coalesce(t.name, '')
	FROM orgs o LEFT JOIN divisions v ON v.code = o.village
	LEFT JOIN divisions t ON t.code = substr(o.village, 1, 9) || '000'`

func scanOrgItem(r rowScanner) (hezuo.OrgItem, error) {
	var it hezuo.OrgItem
	o := &it.Org
	var credit sql.NullString
	err := r.Scan(&o.ID, &o.OrgNo, &o.Name, &o.Kind, &o.RegisteredOn, &credit, &o.Village, &o.Industry,
		&o.HouseholdsDriven, &o.Model, &o.ModelNote, &o.Founded, &o.Dissolved, &it.Version, &it.VillageName, &it.TownshipName)
	o.CreditCode = credit.String
	o.Villages = []string{}
	return it, err
}

// orgSorts maps the org list's sort keys to its columns; the 组织编号 breaks ties.
var orgSorts = map[string]sortCol{
	"org_id": {"o.org_no", 't'}, "name": {"o.name", 't'}, "kind": {"o.kind", 't'}, "village": {"o.village", 't'},
	"founded": {"o.founded", 'd'}, "industry": {"o.industry", 't'}, "households": {"o.households_driven", 'i'},
}

// orgSortValue is the value, in row it, of the column sorted by key, as a cursor holds it.
func orgSortValue(it *hezuo.OrgItem, key string) string {
	switch strings.TrimPrefix(key, "-") {
	case "name":
		return it.Name
	case "kind":
		return it.Kind
	case "village":
		return it.Village
	case "founded":
		return it.Founded.String()
	case "industry":
		return it.Industry
	case "households":
		return strconv.Itoa(it.HouseholdsDriven)
	}
	return it.OrgNo
}

// orderBy returns the ORDER BY clause of a sort key ("-" prefix: descending),
// ending with tie-break.
func orderBy(sorts map[string]string, key, def, tie string) string {
	desc := strings.HasPrefix(key, "-")
	col, ok := sorts[strings.TrimPrefix(key, "-")]
	if !ok {
		col, desc = sorts[def], false
	}
	if desc {
		col += " DESC"
	}
	if col != tie {
		col += ", " + tie
	}
	return " ORDER BY " + col
}

// ListOrgs returns one page of the orgs a may see that the filter selects,
// and how many there are. A filter scope outside a's is EFORBIDDEN.
func (db *DB) ListOrgs(ctx context.Context, a *hezuo.Access, f hezuo.OrgFilter, today hezuo.Date) (*hezuo.OrgList, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, err
	}
	day := dayOr(f.Day, today)
	w := orgAccess(a, day)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	if !f.Ended {
		w.addPair(orgActive("o", day))
	}
	w.like(strings.TrimSpace(f.Q), "o.org_no", "o.name", "o.industry", "o.credit_code")
	w.eq("o.kind", f.Kind)
	w.eq("o.industry", f.Industry)
	list := &hezuo.OrgList{Items: []hezuo.OrgItem{}}
	counted := false
	if a.ByDivision() && f.Q == "" && f.Industry == "" && !f.Ended {
		// The total from the summaries (issue 7): a province counts 100,000 orgs otherwise.
		list.Total, counted = db.orgCountSummary(ctx, scope, day, f.Kind)
	}
	if !counted {
		if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM orgs o WHERE `+w.String()), w.args...).Scan(&list.Total); err != nil {
			return nil, err
		}
	}
	// Deep pages (issue 7): by cursor, an index range past the previous
	// page's last (or next page's first) row, never an OFFSET over them.
	order := newListOrder(orgSorts, f.Sort, "org_id", sortCol{"o.org_no", 't'})
	page := newListPage(w, order, f.After, f.Before, f.Page, f.PerPage)
	tail, targs := page.tail()
	err = db.eachRow(ctx, orgSelect+` WHERE `+w.String()+tail, append(w.args, targs...), func(r rowScanner) error {
		it, err := scanOrgItem(r)
		list.Items = append(list.Items, it)
		return err
	})
	if err != nil {
		return nil, err
	}
	var prev, next bool
	list.Items, prev, next = trim(page, list.Items)
	if n := len(list.Items); n > 0 {
		if prev {
			list.Prev = order.cursor(orgSortValue(&list.Items[0], order.key), list.Items[0].OrgNo)
		}
		if next {
			list.Next = order.cursor(orgSortValue(&list.Items[n-1], order.key), list.Items[n-1].OrgNo)
		}
	}
	return list, nil
}

// orgItem returns the org orgNo if a may see it (ENOTFOUND otherwise).
func (db *DB) orgItem(ctx context.Context, q querier, a *hezuo.Access, orgNo string, day hezuo.Date) (hezuo.OrgItem, error) {
	w := orgAccess(a, day)
	w.add("o.org_no = ?", orgNo)
	it, err := scanOrgItem(q.QueryRowContext(ctx, db.rebind(orgSelect+` WHERE `+w.String()), w.args...))
	if errors.Is(err, sql.ErrNoRows) {
		return it, notFound("组织", "org", orgNo)
	} else if err != nil {
		return it, err
	}
	err = db.eachRowOn(ctx, q, `SELECT village FROM org_villages WHERE org_id = ? ORDER BY village`, []any{it.ID}, func(r rowScanner) error {
		var v string
		if err := r.Scan(&v); err != nil {
			return err
		}
		if v != it.Village {
			it.Villages = append(it.Villages, v)
		}
		return nil
	})
	return it, err
}

// querier is the read side shared by *sql.DB and *sql.Tx.
type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// GetOrg returns the org orgNo with its current member count, its party
// organizations and instructors on day, and its rule result on day (nil when
// the org does not exist that day). An org a may not see today is
// ENOTFOUND (reach is today's, whatever day is shown).
func (db *DB) GetOrg(ctx context.Context, a *hezuo.Access, orgNo string, day, today hezuo.Date) (*hezuo.OrgDetail, error) {
	it, err := db.orgItem(ctx, db, a, orgNo, today)
	if err != nil {
		return nil, err
	}
	d := &hezuo.OrgDetail{OrgItem: it, PartyOrgs: []hezuo.PartyOrgItem{}, Instructors: []hezuo.InstructorItem{}}
	mc, ma := active("m", day)
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM memberships m WHERE m.org_id = ? AND `+mc),
		append([]any{it.ID}, ma...)...).Scan(&d.Members); err != nil {
		return nil, err
	}
	lc, la := active("l", day)
	pc, pa := active("p", day)
	d.PartyOrgs, err = db.partyOrgItems(ctx, `p.id IN (SELECT l.party_org_id FROM party_org_orgs l WHERE l.org_id = ? AND `+lc+`) AND `+pc,
		append(append([]any{it.ID}, la...), pa...), day, 0, 0)
	if err != nil {
		return nil, err
	}
	dc, da := active("d", day)
	d.Instructors, err = db.instructorItems(ctx, `i.id IN (SELECT d.instructor_id FROM dispatches d WHERE d.org_id = ? AND `+dc+`)`,
		append([]any{it.ID}, da...), 0, 0)
	if err != nil {
		return nil, err
	}
	rows, err := db.Check(ctx, hezuo.Scope{Prefix: it.Village}, day)
	if err != nil {
		return nil, err
	}
	for i := range rows {
		if rows[i].OrgNo == it.OrgNo {
			d.Check = &rows[i]
		}
	}
	return d, nil
}
