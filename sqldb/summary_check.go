package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
)

// checkSummary is Check from the org segments: one row per org in scope
// existing on d, its facts rebuilt from the segment of that day and the
// org's villages, then the rules applied as the direct check does.
func (db *DB) checkSummary(ctx context.Context, scope hezuo.Scope, d hezuo.Date) ([]hezuo.CheckRow, error) {
	env, err := db.env(ctx, scope)
	if err != nil {
		return nil, err
	}
	villages := map[int64][]string{}
	err = db.eachRow(ctx, `SELECT ov.org_id, ov.village FROM org_villages ov JOIN orgs o ON o.id = ov.org_id
		WHERE o.village BETWEEN ? AND ? ORDER BY ov.org_id, ov.village`, scopeArgs(scope), func(r rowScanner) error {
		var id int64
		var v string
		err := r.Scan(&id, &v)
		villages[id] = append(villages[id], v)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := []hezuo.CheckRow{}
	err = db.eachActiveSegment(ctx, db, scope, d, func(o *orgRecord, s *segRow) error {
		covers, sec, officers, err := decodeFacts(s.facts)
		if err != nil {
			return err
		}
		fig := &s.seg.fig
		f := &orgFacts{ID: o.id, Org: hezuo.Org{OrgNo: o.orgNo, Name: o.name, Kind: o.kind, Village: o.village, Industry: o.industry},
			Members: fig.members, Activists: fig.activists}
		f.Facts = rules.Facts{OrgID: o.orgNo, Name: o.name, Kind: o.kind, Active: true, Registered: fig.registered,
			FullMembers: fig.full, ProbationaryMembers: fig.prob, Village: o.village, Villages: villages[o.id], Industry: o.industry,
			Covers: covers, Instructor: fig.instructor, InstructorDeveloped: fig.developed, Secretary: sec, Officers: officers}
		for _, c := range covers {
			f.PartyOrgNos = append(f.PartyOrgNos, c.No)
		}
		e := env
		e.Departments = env.deptsByCounty[f.Org.County()]
		out = append(out, checkRow(f, rules.Evaluate(f.Facts, d, e.Env)))
		return nil
	})
	return out, err
}
