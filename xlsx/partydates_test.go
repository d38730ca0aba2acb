package xlsx_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

// partyHeader is the members header with the party dates.
var partyHeader = append(slices.Clone(memberHeader), "入党日期", "转正日期")

// partyRow is a member of ORG-001 since 2015 stating status and dates.
func partyRow(n int, status, joined, full string) []any {
	return []any{idNumber(n), fmt.Sprint("党员", n), "ORG-001", "2015-03-01", status, "否", "否", "", joined, full}
}

// stepsOf returns the person's stored steps as "status from–to" (a "?"
// after from when it is unknown), in order.
func stepsOf(ds *hezuo.Dataset, id string) string {
	var out []string
	for _, s := range ds.PartyStatus {
		if s.IDNumber == id {
			u := ""
			if s.FromUnknown {
				u = "?"
			}
			out = append(out, fmt.Sprintf("%s %s%s–%s", s.Status, s.From, u, s.To))
		}
	}
	return strings.Join(out, ", ")
}

// TestMemberPartyDates: one row per case, on a database per kind; the
// import day is fxToday (2024-06-30).
func TestMemberPartyDates(t *testing.T) {
	type want struct {
		steps    string // the person's steps after the import, or
		column   string // the column of the one problem
		message  string // a part of its message
		presumed int
		unknown  int
	}
	cases := []struct {
		name                   string
		status, joined, fullOn string
		want
	}{
		// 党章 Art. 7: probation lasts a year from admission; 民法典 Art. 202:
		// a year from 29 February ends on 28 February.
		{"中共党员, admitted on 29 Feb, conversion presumed", "中共党员", "2020-02-29", "",
			want{steps: "probationary 2020-02-29–2021-02-28, full 2021-02-28–", presumed: 1}},
		{"中共党员 admitted 13 months ago, presumed", "中共党员", "2023-05-30", "",
			want{steps: "probationary 2023-05-30–2024-05-30, full 2024-05-30–", presumed: 1}},
		{"中共党员 admitted 11 months ago: still probationary", "中共党员", "2023-07-30", "",
			want{column: "入党日期", message: "不满 12 个月"}},
		{"中共党员 admitted a year ago today", "中共党员", "2023-06-30", "",
			want{steps: "probationary 2023-06-30–2024-06-30, full 2024-06-30–", presumed: 1}},
		{"中共党员 with both dates", "中共党员", "2015-07-01", "2016-09-01",
			want{steps: "probationary 2015-07-01–2016-09-01, full 2016-09-01–"}},
		{"转正 before a year (党章 Art. 7)", "中共党员", "2015-07-01", "2016-06-30", want{column: "转正日期", message: "不满 12 个月"}},
		{"转正 before 入党", "中共党员", "2015-07-01", "2014-07-01", want{column: "转正日期", message: "不晚于入党日期"}},
		{"转正 in the future", "中共党员", "2023-01-01", "2024-07-01", want{column: "转正日期", message: "晚于今天"}},
		{"中共党员 with only 转正日期", "中共党员", "", "2005-01-01", want{steps: "full 2005-01-01–"}},
		{"中共党员 without dates: unknown, counted from the joined date", "中共党员", "", "",
			want{steps: "full 2015-03-01?–", unknown: 1}},
		{"中共预备党员 admitted 11 months ago", "中共预备党员", "2023-07-30", "", want{steps: "probationary 2023-07-30–"}},
		{"中共预备党员 for over a year (probation extended)", "中共预备党员", "2023-01-30", "", want{steps: "probationary 2023-01-30–"}},
		{"中共预备党员 with 转正日期", "中共预备党员", "2023-01-30", "2024-02-01", want{column: "转正日期", message: "政治面貌不是中共党员"}},
		{"中共预备党员 without a date", "中共预备党员", "", "", want{steps: "probationary 2015-03-01?–", unknown: 1}},
		// 党章 Art. 1: at least 18; the people of these rows are born on
		// 1950-01-01.
		{"入党 the day before 18", "中共预备党员", "1967-12-31", "", want{column: "入党日期", message: "十八岁"}},
		{"入党 on the 18th birthday", "中共党员", "1968-01-01", "", want{steps: "probationary 1968-01-01–1969-01-01, full 1969-01-01–", presumed: 1}},
		{"入党 in the future", "中共预备党员", "2024-07-01", "", want{column: "入党日期", message: "晚于今天"}},
		{"群众 with 入党日期", "群众", "2010-07-01", "", want{column: "入党日期", message: "不是党员"}},
	}
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		for i, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				path := tempFile(t, "m.csv")
				writeCSV(t, path, partyHeader, [][]any{partyRow(i+1, c.status, c.joined, c.fullOn)}, "utf8")
				res, rej := importFile(t, db, "members", path, false)
				if c.column != "" {
					if rej == nil || len(rej.Problems) != 1 || rej.Problems[0].Column != c.column || !strings.Contains(rej.Problems[0].ZH, c.message) {
						t.Fatalf("result %+v, problems %v; want one in %s saying %q", res, rej, c.column, c.message)
					}
					return
				}
				if rej != nil {
					t.Fatalf("rejected:\n%s", rej.Lines("zh"))
				}
				if got := stepsOf(dump(t, db), idNumber(i+1)); got != c.steps {
					t.Errorf("steps %q, want %q", got, c.steps)
				}
				if res.Presumed != c.presumed || res.PartyDateUnknown != c.unknown {
					t.Errorf("notes %+v, want %d presumed, %d unknown", res.PartyNotes, c.presumed, c.unknown)
				}
				// The same row again changes nothing.
				if res, rej := importFile(t, db, "members", path, false); rej != nil || counts(res) != [3]int{0, 0, 1} {
					t.Errorf("again: %+v %v", res, rej)
				}
			})
		}
	})
}

// TestMemberPartyDatesCorrected: a row whose dates differ from the stored
// steps corrects them; a lower status is refused; English headers and the
// old party_joined header are read.
func TestMemberPartyDatesCorrected(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		id := idNumber(900)
		imp := func(header []string, status, joined, full string) (*xlsx.Result, *xlsx.Rejected) {
			path := tempFile(t, "m.csv")
			row := partyRow(900, status, joined, full)
			writeCSV(t, path, header, [][]any{row[:len(header)]}, "utf8")
			return importFile(t, db, "members", path, false)
		}
		english := []string{"id_number", "name", "org_id", "joined", "political_status", "activist", "technical_talent", "phone", "joined_party", "full_member_since"}
		if res, rej := imp(english, "中共预备党员", "2023-03-01", ""); rej != nil || res.New != 1 {
			t.Fatalf("%+v %v", res, rej)
		}
		if res, rej := imp(english, "中共党员", "2023-03-01", ""); rej != nil || res.Changed != 1 || res.Presumed != 1 {
			t.Fatalf("converted: %+v %v", res, rej)
		}
		if got := stepsOf(dump(t, db), id); got != "probationary 2023-03-01–2024-03-01, full 2024-03-01–" {
			t.Fatalf("converted: %s", got)
		}
		old := append(slices.Clone(memberHeader), "party_joined", "full_member_since")
		if res, rej := imp(old, "中共党员", "2023-02-01", "2024-04-01"); rej != nil || res.Changed != 1 {
			t.Fatalf("corrected: %+v %v", res, rej)
		}
		ds := dump(t, db)
		if got := stepsOf(ds, id); got != "probationary 2023-02-01–2024-04-01, full 2024-04-01–" {
			t.Fatalf("corrected: %s", got)
		}
		if _, rej := imp(partyHeader, "中共预备党员", "2023-02-01", ""); rej == nil || !strings.Contains(rej.Problems[0].ZH, "只能前进") {
			t.Fatalf("full back to probationary: %v", rej)
		}
		if res, rej := imp(partyHeader, "中共党员", "", ""); rej != nil || counts(res) != [3]int{0, 0, 1} {
			t.Fatalf("no dates, same status: %+v %v", res, rej)
		}
		if got := stepsOf(dump(t, db), id); got != "probationary 2023-02-01–2024-04-01, full 2024-04-01–" {
			t.Fatalf("after the refusals: %s", got)
		}
	})
}

// TestPartyDatesRoundTrip: members exported and imported again change
// nothing, whatever the party steps: probationary within the year and past
// it, full with a stated or presumed conversion (29 Feb), dates unknown,
// a lone full step of an older import, an activist.
func TestPartyDatesRoundTrip(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		path := tempFile(t, "m.csv")
		writeCSV(t, path, partyHeader, [][]any{
			partyRow(1, "中共预备党员", "2023-07-30", ""), partyRow(2, "中共预备党员", "2023-01-30", ""),
			partyRow(3, "中共党员", "2023-06-01", ""), partyRow(4, "中共党员", "2020-02-29", ""),
			partyRow(5, "中共党员", "2015-07-01", "2016-09-01"), partyRow(6, "中共党员", "", ""),
			partyRow(7, "中共预备党员", "", ""), partyRow(8, "群众", "", ""),
		}, "utf8")
		mustImport(t, db, "members", path)
		d := hezuo.MustDate
		if err := db.Load(ctx, &hezuo.Dataset{
			People:      []hezuo.Person{{IDNumber: idNumber(9), Name: "老党员"}, {IDNumber: idNumber(10), Name: "积极分子"}},
			Memberships: []hezuo.Membership{{IDNumber: idNumber(9), OrgNo: "ORG-003", Period: hezuo.Period{From: d("2012-01-01")}}, {IDNumber: idNumber(10), OrgNo: "ORG-003", Period: hezuo.Period{From: d("2012-01-01"), To: d("2024-01-01")}}},
			PartyStatus: []hezuo.PartyStatus{{IDNumber: idNumber(9), Status: hezuo.StatusFull, Period: hezuo.Period{From: d("1990-07-01")}},
				{IDNumber: idNumber(10), Status: hezuo.StatusActivist, Period: hezuo.Period{From: d("2020-03-01")}}},
		}, fxToday); err != nil {
			t.Fatal(err)
		}
		before := dump(t, db)
		if got := stepsOf(before, idNumber(6)); got != "full 2015-03-01?–" {
			t.Fatalf("unknown date stored as %q", got)
		}
		for _, ext := range []string{"xlsx", "csv"} {
			out := tempFile(t, "members."+ext)
			n, err := xlsx.Export("members", before, fxToday, out)
			if err != nil {
				t.Fatal(err)
			}
			res := mustImport(t, db, "members", out)
			if n != 10 || counts(res) != [3]int{0, 0, n} || res.Presumed != 0 || res.PartyDateUnknown != 2 {
				t.Errorf("%s: %d exported, import %+v", ext, n, res)
			}
		}
		after := dump(t, db)
		for i := 1; i <= 10; i++ {
			if a, b := stepsOf(before, idNumber(i)), stepsOf(after, idNumber(i)); a != b {
				t.Errorf("person %d: %s became %s", i, a, b)
			}
		}
	})
}
