package sqldb

import (
	"context"
	"strings"

	"hezuo"
)

// divNameBatch is how many codes one query of DivisionNamesOf asks for.
const divNameBatch = 500

// DivisionNamesOf returns the names of the divisions with the given codes
// (any form: 222424, 222424103, 222424103201, 222424000000…), keyed by the
// code as given; a code the divisions do not hold is left out. It answers
// a page's rows in one query per divNameBatch codes, not one per row.
// Division names are reference data (a county's villages and the names
// above it are public statistical codes), so no scope is asked: callers
// pass the codes of records they were allowed to read.
func (db *DB) DivisionNamesOf(ctx context.Context, codes []string) (map[string]string, error) {
	out := map[string]string{}
	byFull := map[string][]string{} // 12-digit code → the codes given for it
	var fulls []string
	for _, c := range codes {
		full, ok := fullDivisionCode(c)
		if !ok {
			continue
		}
		if _, seen := byFull[full]; !seen {
			fulls = append(fulls, full)
		}
		byFull[full] = append(byFull[full], c)
	}
	for len(fulls) > 0 {
		n := min(len(fulls), divNameBatch)
		part := fulls[:n]
		fulls = fulls[n:]
		args := make([]any, len(part))
		for i, f := range part {
			args[i] = f
		}
		q := `SELECT code, name FROM divisions WHERE code IN (?` + strings.Repeat(", ?", len(part)-1) + `)`
		if err := db.eachRow(ctx, q, args, func(r rowScanner) error {
			var code, name string
			if err := r.Scan(&code, &name); err != nil {
				return err
			}
			for _, c := range byFull[code] {
				out[c] = name
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// fullDivisionCode returns the 12-digit division code of a scope or
// division code of 2, 4, 6, 9 or 12 digits (GB/T 2260 padding allowed).
func fullDivisionCode(c string) (string, bool) {
	c = strings.TrimSpace(c)
	switch len(c) {
	case 2, 4, 6, 9, 12:
	default:
		return "", false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return "", false
		}
	}
	sig := hezuo.SignificantCode(c)
	return sig + strings.Repeat("0", 12-len(sig)), true
}

// OrgNamesOf returns the names of the orgs with the given 组织编号 that a
// may see today (orgAccess), keyed by number; others are left out, so a list
// shows them by number only, as before. One query per divNameBatch
// numbers: a page's rows at once.
func (db *DB) OrgNamesOf(ctx context.Context, a *hezuo.Access, nos []string, today hezuo.Date) (map[string]string, error) {
	out := map[string]string{}
	seen := map[string]bool{}
	var want []string
	for _, no := range nos {
		if no != "" && !seen[no] {
			seen[no] = true
			want = append(want, no)
		}
	}
	for len(want) > 0 {
		n := min(len(want), divNameBatch)
		part := want[:n]
		want = want[n:]
		w := orgAccess(a, today)
		args := make([]any, 0, len(part)+len(w.args))
		for _, no := range part {
			args = append(args, no)
		}
		q := `SELECT o.org_no, o.name FROM orgs o WHERE o.org_no IN (?` + strings.Repeat(", ?", len(part)-1) + `) AND ` + w.String()
		if err := db.eachRow(ctx, q, append(args, w.args...), func(r rowScanner) error {
			var no, name string
			if err := r.Scan(&no, &name); err != nil {
				return err
			}
			out[no] = name
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// DivisionNames returns the names of the divisions of a level (township,
// village…) inside the requested scope, which a may see, keyed by their
// digits of their level (9 for a township, 12 for a village…): the
// dashboard's labels, without the org counts of ListDivisions.
func (db *DB) DivisionNames(ctx context.Context, a *hezuo.Access, req hezuo.Scope, level string) (map[string]string, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, err
	}
	if levelDigits[level] == 0 {
		return nil, hezuo.Errorf(hezuo.EINVALID, "区划级别 %q 无效", "unknown division level %q", level)
	}
	read := func() (map[string]string, error) {
		out := map[string]string{}
		err := db.eachRow(ctx, `SELECT code, name FROM divisions WHERE level = ? AND code BETWEEN ? AND ?`,
			append([]any{level}, scopeArgs(scope)...), func(r rowScanner) error {
				var code, name string
				err := r.Scan(&code, &name)
				out[code[:levelDigits[level]]] = name
				return err
			})
		return out, err
	}
	if version, ok := db.summaryVersion(ctx); ok {
		return db.sums().Names(ctx, version, scope, level, read)
	}
	return read()
}

var levelDigits = map[string]int{hezuo.LevelProvince: 2, hezuo.LevelPrefecture: 4, hezuo.LevelCounty: 6, hezuo.LevelTownship: 9, hezuo.LevelVillage: 12}
