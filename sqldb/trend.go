package sqldb

import (
	"context"

	"hezuo"
)

// MemberTrend returns, for each day, the memberships active that day in
// orgs existing that day that a may see inside the requested scope, and
// those of full or probationary party members — the same definitions as
// Stats' members and party_members, at two queries a day instead of a whole
// Stats.
func (db *DB) MemberTrend(ctx context.Context, a *hezuo.Access, req hezuo.Scope, days []hezuo.Date) ([]hezuo.TrendPoint, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	if a.ByDivision() { // from the summaries when up to date (issue 7)
		if out, ok := db.memberTrendSummary(ctx, scope, days); ok {
			return out, nil
		}
	}
	out := make([]hezuo.TrendPoint, len(days))
	for i, day := range days {
		w := orgAccess(a, day)
		w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
		w.addPair(orgActive("o", day))
		w.addPair(active("m", day))
		pc, pa := active("ps", day)
		q := `SELECT count(*), coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM party_status ps WHERE ps.person_id = m.person_id
				AND ps.status IN ('full', 'probationary') AND ` + pc + `) THEN 1 ELSE 0 END), 0)
			FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE ` + w.String()
		out[i].Day = day
		if err := db.QueryRowContext(ctx, db.rebind(q), append(append([]any{}, pa...), w.args...)...).Scan(&out[i].Members, &out[i].PartyMembers); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// OrgsByTownship counts the orgs a may see in the requested scope existing
// on day, by township (9 digits) and kind; for a province or wider whose
// orgs lie in more than one prefecture, by prefecture (4 digits). The result may be shared with
// other callers (the summaries' cache): read it, never change it.
func (db *DB) OrgsByTownship(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (map[string]map[string]int, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	if a.ByDivision() { // from the summaries when up to date (issue 7)
		if out, ok := db.orgsByTownshipSummary(ctx, scope, day); ok {
			return out, nil
		}
	}
	w := orgAccess(a, day)
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w.addPair(orgActive("o", day))
	return db.countOrgsByTownship(ctx, w)
}

// countOrgsByTownship counts the orgs matching w (on alias o) by township
// and kind.
func (db *DB) countOrgsByTownship(ctx context.Context, w *where) (map[string]map[string]int, error) {
	out := map[string]map[string]int{}
	err := db.eachRow(ctx, `SELECT substr(o.village, 1, 9), o.kind, count(*) FROM orgs o WHERE `+w.String()+
		` GROUP BY substr(o.village, 1, 9), o.kind`, w.args, func(r rowScanner) error {
		var t, k string
		var n int
		if err := r.Scan(&t, &k, &n); err != nil {
			return err
		}
		if out[t] == nil {
			out[t] = map[string]int{}
		}
		out[t][k] = n
		return nil
	})
	return out, err
}
