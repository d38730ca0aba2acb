package summaries

import (
	"context"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/internal/sqlx"
)

// CheckOrg is one org of Check from the summaries: its record, its member
// and activist counts, and its rules.Facts on the day, rebuilt from its
// segment of that day and its villages; the caller applies the rules as
// the direct check does.
type CheckOrg struct {
	ID          int64
	Org         hezuo.Org // number, name, kind, village and industry
	Members     int
	Activists   int
	Facts       rules.Facts
	PartyOrgNos []string // the numbers of the covers, in order
}

// EachCheckOrg calls fn with every org in scope existing on d, in org
// number order: one row per org from the org segments.
func (sm *Store) EachCheckOrg(ctx context.Context, scope hezuo.Scope, d hezuo.Date, fn func(*CheckOrg) error) error {
	villages := map[int64][]string{}
	lo, hi := scope.Range()
	err := sm.eachRow(ctx, `SELECT ov.org_id, ov.village FROM org_villages ov JOIN orgs o ON o.id = ov.org_id
		WHERE o.village BETWEEN ? AND ? ORDER BY ov.org_id, ov.village`, []any{lo, hi}, sqlx.Keyed(func(id int64, v string) {
		villages[id] = append(villages[id], v)
	}))
	if err != nil {
		return err
	}
	return sm.eachActiveSegment(ctx, sm.db, scope, d, func(o *orgRecord, s *segRow) error {
		covers, sec, officers, err := decodeFacts(s.facts)
		if err != nil {
			return err
		}
		fig := &s.seg.fig
		c := &CheckOrg{ID: o.id, Org: hezuo.Org{OrgNo: o.orgNo, Name: o.name, Kind: o.kind, Village: o.village, Industry: o.industry},
			Members: fig.members, Activists: fig.activists}
		c.Facts = rules.Facts{OrgID: o.orgNo, Name: o.name, Kind: o.kind, Active: true, Registered: fig.registered,
			FullMembers: fig.full, ProbationaryMembers: fig.prob, Village: o.village, Villages: villages[o.id], Industry: o.industry,
			Covers: covers, Instructor: fig.instructor, InstructorDeveloped: fig.developed, Secretary: sec, Officers: officers}
		for _, cv := range covers {
			c.PartyOrgNos = append(c.PartyOrgNos, cv.No)
		}
		return fn(c)
	})
}

// orgRecord is what Check shows of an org besides its segment.
type orgRecord struct {
	id                                   int64
	orgNo, name, kind, village, industry string
}

// eachActiveSegment calls fn with every org in scope existing on d and its
// segment that day, in org number order; x is the database or a
// transaction.
func (sm *Store) eachActiveSegment(ctx context.Context, x execQuerier, scope hezuo.Scope, d hezuo.Date,
	fn func(*orgRecord, *segRow) error) error {
	lo, hi := scope.Range()
	// One index seek per org: its last segment starting on or before d.
	return sm.eachRowOn(ctx, x, `SELECT o.id, o.org_no, o.name, o.kind, o.village, o.industry, `+segSelect+`
		FROM orgs o JOIN org_segments s ON s.org_id = o.id
		AND s.valid_from = (SELECT max(s2.valid_from) FROM org_segments s2 WHERE s2.org_id = o.id AND s2.valid_from <= ?)
		WHERE o.village BETWEEN ? AND ? AND (s.valid_to IS NULL OR s.valid_to > ?) ORDER BY o.org_no`,
		[]any{d, lo, hi, d}, func(r rowScanner) error {
			var o orgRecord
			s, err := scanSegment(r, &o.id, &o.orgNo, &o.name, &o.kind, &o.village, &o.industry)
			if err != nil {
				return err
			}
			return fn(&o, s)
		})
}
