package xlsx_test

import (
	"fmt"
	"testing"

	"hezuo"
	"hezuo/sqldb"
)

// TestCheckFollowsPartyDates: a small county imported from a members file;
// the check on days either side of each boundary: the org must build its
// own organization (required own_org) only from the day three are full. Registered cooperatives
// (ORG-001, -003, -005, -007, -009) with three members each:
//   - ORG-001: 中共党员 admitted 2022-07-08 (conversion presumed 2023-07-08);
//   - ORG-003: 中共党员 admitted 2020-02-29 (presumed 2021-02-28, 民法典 Art. 202);
//   - ORG-005: 中共党员 without 入党日期 (counted from joining, 2015-03-01);
//   - ORG-007: 中共党员 admitted 2022-05-08 (presumed 2023-05-08);
//   - ORG-009: 中共党员 converted 2010; one left on 2023-07-08 (退出日期:
//     the first day no longer a member).
func TestCheckFollowsPartyDates(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		var rows [][]any
		n := 0
		add := func(org, joined, left string) {
			n++
			rows = append(rows, []any{idNumber(n), fmt.Sprint("党员", n), org, "2015-03-01", "中共党员", "否", "否", "", joined, "", left})
		}
		for range 3 {
			add("ORG-001", "2022-07-08", "")
			add("ORG-003", "2020-02-29", "")
			add("ORG-005", "", "")
			add("ORG-007", "2022-05-08", "")
		}
		add("ORG-009", "2009-07-01", "")
		add("ORG-009", "2009-07-01", "")
		add("ORG-009", "2009-07-01", "2023-07-08")
		path := tempFile(t, "county.xlsx")
		writeXLSX(t, path, append(partyHeader, "退出日期"), rows)
		res := mustImport(t, db, "members", path)
		if res.Presumed != 12 || res.PartyDateUnknown != 3 {
			t.Fatalf("notes %+v", res.PartyNotes)
		}
		scope := hezuo.Scope{Prefix: fxCounty}
		status := func(day, org string) string {
			rows, err := db.Check(ctx, scope, hezuo.MustDate(day))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if r.OrgNo == org {
					return fmt.Sprintf("%s %d+%d", r.Required, r.FullPartyMembers, r.ProbationaryMembers)
				}
			}
			return "missing"
		}
		for _, c := range []struct{ day, org, want string }{
			{"2023-06-08", "ORG-001", "group_or_joint 0+3"}, // admitted 11 months before: probationary
			{"2023-07-07", "ORG-001", "group_or_joint 0+3"},
			{"2023-07-08", "ORG-001", "own_org 3+0"},
			{"2023-06-08", "ORG-007", "own_org 3+0"}, // admitted 13 months before
			{"2023-05-07", "ORG-007", "group_or_joint 0+3"},
			{"2021-02-27", "ORG-003", "group_or_joint 0+3"},
			{"2021-02-28", "ORG-003", "own_org 3+0"},
			{"2015-02-28", "ORG-005", "instructor 0+0"},
			{"2015-03-01", "ORG-005", "own_org 3+0"},
			{"2023-07-07", "ORG-009", "own_org 3+0"},
			{"2023-07-08", "ORG-009", "group_or_joint 2+0"},
		} {
			if got := status(c.day, c.org); got != c.want {
				t.Errorf("%s on %s: %s, want %s", c.org, c.day, got, c.want)
			}
		}
		unknown, err := db.PartyDatesUnknown(ctx, scope, hezuo.MustDate("2023-06-08"))
		if err != nil {
			t.Fatal(err)
		}
		if len(unknown) != 3 || unknown[0].OrgNo != "ORG-005" || unknown[0].Status != hezuo.StatusFull || !unknown[0].CountedFrom.Equal(hezuo.MustDate("2015-03-01")) {
			t.Errorf("unknown party dates: %+v", unknown)
		}
		if u, _ := db.PartyDatesUnknown(ctx, scope, hezuo.MustDate("2015-02-28")); len(u) != 0 {
			t.Errorf("before they count: %+v", u)
		}
	})
}
