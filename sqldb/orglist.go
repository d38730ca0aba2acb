package sqldb

import (
	"context"
	"database/sql"
	"errors"
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

// orgSorts maps a list's sort keys to ORDER BY columns.
var orgSorts = map[string]string{
	"org_id": "o.org_no", "name": "o.name", "kind": "o.kind", "village": "o.village",
	"founded": "o.founded", "industry": "o.industry", "households": "o.households_driven",
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
func (db *DB) ListOrgs(ctx context.Context, a *hezuo.Access, f hezuo.OrgFilter) (*hezuo.OrgList, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, err
	}
	day := f.Day
	if day.IsZero() {
		day = hezuo.Today(hezuo.China)
	}
	w := orgAccess(a, day)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	if !f.Ended {
		w.addPair(orgActive("o", day))
	}
	if q := strings.TrimSpace(f.Q); q != "" {
		like := "%" + q + "%"
		w.add("(o.org_no LIKE ? OR o.name LIKE ? OR o.industry LIKE ? OR o.credit_code LIKE ?)", like, like, like, like)
	}
	if f.Kind != "" {
		w.add("o.kind = ?", f.Kind)
	}
	if f.Industry != "" {
		w.add("o.industry = ?", f.Industry)
	}
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
	per, off := pageBounds(f.Page, f.PerPage)
	err = db.eachRow(ctx, orgSelect+` WHERE `+w.String()+orderBy(orgSorts, f.Sort, "org_id", "o.org_no")+` LIMIT ? OFFSET ?`,
		append(w.args, per, off), func(r rowScanner) error {
			it, err := scanOrgItem(r)
			list.Items = append(list.Items, it)
			return err
		})
	return list, err
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
	rows, err := q.QueryContext(ctx, db.rebind(`SELECT village FROM org_villages WHERE org_id = ? ORDER BY village`), it.ID)
	if err != nil {
		return it, err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return it, err
		}
		if v != it.Village {
			it.Villages = append(it.Villages, v)
		}
	}
	return it, rows.Err()
}

// querier is the read side shared by *sql.DB and *sql.Tx.
type querier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// GetOrg returns the org orgNo with its current member count, its party
// organizations and instructors on day, and its rule result on day (nil when
// the org does not exist that day). An org a may not see is ENOTFOUND.
func (db *DB) GetOrg(ctx context.Context, a *hezuo.Access, orgNo string, day hezuo.Date) (*hezuo.OrgDetail, error) {
	it, err := db.orgItem(ctx, db, a, orgNo, hezuo.Today(hezuo.China))
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
