package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
)

// Check applies the rules to every org in scope existing on day, in org
// number order: to the facts kept in the org segments when the summaries are
// up to date (summary_check.go), else to facts gathered from the records.
func (db *DB) Check(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]hezuo.CheckRow, error) {
	if db.summariesReady(ctx) {
		return db.checkSummary(ctx, scope, day)
	}
	rows, _, err := db.check(ctx, scope, day)
	return rows, err
}

// check returns the rows and the facts behind them (for the figures),
// computed directly from the records: the reference for the summaries.
func (db *DB) check(ctx context.Context, scope hezuo.Scope, day hezuo.Date) ([]hezuo.CheckRow, []*orgFacts, error) {
	facts, err := db.loadFacts(ctx, scope, day)
	if err != nil {
		return nil, nil, err
	}
	env, err := db.env(ctx, scope)
	if err != nil {
		return nil, nil, err
	}
	out := make([]hezuo.CheckRow, 0, len(facts))
	for _, f := range facts {
		e := env
		e.Departments = env.deptsByCounty[f.Org.County()]
		out = append(out, checkRow(f, rules.Evaluate(f.Facts, day, e.Env)))
	}
	return out, facts, nil
}

// checkRow is the check's row of an org from its facts and verdict.
func checkRow(f *orgFacts, d rules.Determination) hezuo.CheckRow {
	row := hezuo.CheckRow{CheckFacts: hezuo.CheckFacts{
		OrgNo: f.Org.OrgNo, Name: f.Org.Name, Kind: f.Org.Kind, Registered: f.Registered,
		Village: f.Org.Village, Township: hezuo.TownshipOf(f.Org.Village), Industry: f.Org.Industry,
		Members: f.Members, FullPartyMembers: f.FullMembers, ProbationaryMembers: f.ProbationaryMembers,
		Required: d.Required, Actual: d.Actual, Status: d.Status,
		ManagedBy:  d.ManagedBy,
		PartyOrgs:  append([]string{}, f.PartyOrgNos...),
		Instructor: f.Instructor},
		Reasons:     d.Reasons,
		Warnings:    d.Warnings,
		Suggestions: d.Suggestions,
	}
	rules.MarkFigures(&row.CheckFacts, d.Warnings)
	return row
}

// ruleEnv is the rules' environment for a scope: settings, division names
// and each county's industry → department map.
type ruleEnv struct {
	rules.Env
	deptsByCounty map[string]rules.DepartmentMap
}

func (db *DB) env(ctx context.Context, scope hezuo.Scope) (ruleEnv, error) {
	st, err := db.Settings(ctx)
	if err != nil {
		return ruleEnv{}, err
	}
	names := map[string]string{}
	err = db.eachRow(ctx, `SELECT code, name FROM divisions WHERE code BETWEEN ? AND ?`, scopeArgs(scope), func(r rowScanner) error {
		var c, n string
		if err := r.Scan(&c, &n); err != nil {
			return err
		}
		names[c] = n
		return nil
	})
	if err != nil {
		return ruleEnv{}, err
	}
	depts := map[string]rules.DepartmentMap{}
	lo, hi := countyRange(scope)
	err = db.eachRow(ctx, `SELECT di.county, di.industry, d.code, d.name FROM department_industries di
		JOIN departments d ON d.id = di.department_id WHERE di.county BETWEEN ? AND ?`, []any{lo, hi}, func(r rowScanner) error {
		var county, ind, code, name string
		if err := r.Scan(&county, &ind, &code, &name); err != nil {
			return err
		}
		if depts[county] == nil {
			depts[county] = rules.DepartmentMap{}
		}
		depts[county][ind] = rules.Department{Code: code, Name: name}
		return nil
	})
	if err != nil {
		return ruleEnv{}, err
	}
	lookup := func(code string) string {
		if n, ok := names[code]; ok {
			return n
		}
		if full, err := hezuo.NormalizeDivisionCode(code); err == nil {
			if n, ok := names[full]; ok {
				return n
			}
			var n string
			if db.QueryRowContext(ctx, db.rebind(`SELECT name FROM divisions WHERE code = ?`), full).Scan(&n) == nil {
				names[full] = n
				return n
			}
		}
		return ""
	}
	return ruleEnv{Env: rules.Env{Settings: st, Names: lookup}, deptsByCounty: depts}, nil
}
