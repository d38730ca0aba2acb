package xlsx_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"hezuo/sqldb"
)

func TestReimportIsIdempotent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		path := writeMixed(t, "xlsx")
		mustImport(t, db, "members", path)
		before := dump(t, db)
		for _, p := range []string{path, writeMixed(t, "gb18030")} {
			res := mustImport(t, db, "members", p)
			if counts(res) != [3]int{0, 0, 8} {
				t.Errorf("re-import counts %v", counts(res))
			}
		}
		if after := dump(t, db); !reflect.DeepEqual(before, after) {
			t.Error("re-importing the same rows changed the database")
		}
	})
}

func TestReimportUpdatesByKey(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		rows := mixedRoster()
		path := tempFile(t, "a.csv")
		writeCSV(t, path, mixedHeader, rows, "utf8")
		mustImport(t, db, "members", path)

		rows[1][0] = "李常春"                              // a name corrected
		rows[1][4] = "2016/4/6"                         // its joined date corrected: the same membership
		rows[2][3], rows[2][9] = "中共预备党员", "2024-01-01" // 群众 → probationary on 2024-01-01
		rows[4][3] = "中共党员"                             // 群众 → full, no date: from the import day
		rows[6][6] = "否"                                // talent flag cleared (it was 是)
		rows = append(rows, []any{"新成员", idNumber(200), "ORG-005", "群众", "2024-05-01", "", "否", "否", "", ""})
		writeCSV(t, path, mixedHeader, rows, "utf8")

		before := dump(t, db)
		dry, rej := importFile(t, db, "members", path, true)
		if rej != nil {
			t.Fatal(rej.Lines("zh"))
		}
		if !reflect.DeepEqual(before, dump(t, db)) {
			t.Fatal("a dry run wrote records")
		}
		res := mustImport(t, db, "members", path)
		if counts(res) != [3]int{1, 4, 4} || counts(dry) != counts(res) || !dry.DryRun {
			t.Fatalf("counts %v, dry run %v", counts(res), counts(dry))
		}
		ds := dump(t, db)
		if len(ds.Memberships) != 9 {
			t.Errorf("%d memberships, want 9 (a corrected joined date must not add one)", len(ds.Memberships))
		}
		var steps []string
		for _, s := range ds.PartyStatus {
			if s.IDNumber == idNumber(103) || s.IDNumber == idNumber(105) {
				steps = append(steps, fmt.Sprintf("%s %s %s–%s", s.IDNumber[14:], s.Status, s.From, s.To))
			}
		}
		want := []string{idNumber(103)[14:] + " probationary 2024-01-01–", idNumber(105)[14:] + " full 2024-06-30–"}
		slices.Sort(steps)
		slices.Sort(want)
		if !slices.Equal(steps, want) {
			t.Errorf("party status %q, want %q", steps, want)
		}
		for _, p := range ds.People {
			if p.IDNumber == idNumber(102) && p.Name != "李常春" {
				t.Errorf("name not updated: %q", p.Name)
			}
			if p.IDNumber == idNumber(107) && !p.TalentSince.IsZero() {
				t.Errorf("talent flag not cleared")
			}
		}
		if res := mustImport(t, db, "members", path); counts(res) != [3]int{0, 0, 9} {
			t.Errorf("second import counts %v", counts(res))
		}
	})
}

func TestDryRunWritesNothing(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		before := dump(t, db)
		res, rej := importFile(t, db, "members", writeMixed(t, "bom"), true)
		if rej != nil || counts(res) != [3]int{8, 0, 0} || !res.DryRun {
			t.Fatalf("%+v %v", res, rej)
		}
		if !reflect.DeepEqual(before, dump(t, db)) {
			t.Error("a dry run wrote records")
		}
	})
}

func TestRejectionsAgainstTheDatabase(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		mustImport(t, db, "members", writeMixed(t, "utf8"))
		oh := []string{"组织编号", "名称", "类型", "是否登记", "统一社会信用代码", "所在村", "覆盖村", "成立日期"}
		cases := []struct {
			name, kind string
			header     []string
			row        []any
			column     string
			want       string
		}{
			{"unknown village", "orgs", oh, []any{"ORG-100", "新社", "合作社", "否", "", "220999100299", "", "2020-01-01"}, "所在村", "未知的村"},
			{"unknown spanned village", "orgs", oh, []any{"ORG-100", "新社", "合作社", "否", "", fxVA1, "220999101299", "2020-01-01"}, "覆盖村", "未知的村"},
			{"a township is no village", "orgs", oh, []any{"ORG-100", "新社", "合作社", "否", "", "220999100000", "", "2020-01-01"}, "所在村", "未知的村"},
			{"credit code of another org", "orgs", oh, []any{"ORG-100", "新社", "合作社", "是", creditCode(1), fxVA1, "", "2020-01-01"}, "统一社会信用代码", "ORG-001"},
			{"registered, no credit code column", "orgs", []string{"组织编号", "名称", "类型", "是否登记", "所在村", "成立日期"},
				[]any{"ORG-100", "新社", "合作社", "是", fxVA1, "2020-01-01"}, "统一社会信用代码", "必须填写"},
			{"unknown org", "members", memberHeader, []any{idNumber(300), "某人", "ORG-999", "2020-01-01", "群众", "否", "否", ""}, "组织编号", "未知的组织编号"},
			{"status cannot go back", "members", memberHeader, []any{idNumber(101), "张桂兰", "ORG-001", "2015-03-01", "群众", "否", "是", ""}, "政治面貌", "不能改为群众"},
			{"party date before the current step", "members", append(slices.Clone(memberHeader), "入党日期"),
				[]any{idNumber(102), "李长春", "ORG-001", "2016-04-05", "中共预备党员", "否", "否", "", "2010-01-01"}, "入党日期", "不早于入党日期"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				path := tempFile(t, "x.csv")
				writeCSV(t, path, c.header, [][]any{c.row}, "utf8")
				_, rej := importFile(t, db, c.kind, path, false)
				if rej == nil || len(rej.Problems) != 1 {
					t.Fatalf("want one problem, got %v", rej)
				}
				if p := rej.Problems[0]; p.Row != 2 || p.Column != c.column || !strings.Contains(p.ZH, c.want) {
					t.Errorf("got %s; want column %s with %q", p.Line(path, "zh"), c.column, c.want)
				}
			})
		}
	})
}

func TestOptionalMemberColumns(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		full := append(slices.Clone(memberHeader), "职务", "所在村", "是否致富能手或技术骨干", "退出日期")
		row := append(memberRow(1, 20), "理事长", fxVB1, "是", "2023-12-31")
		path := tempFile(t, "a.csv")
		writeCSV(t, path, full, [][]any{row}, "utf8")
		mustImport(t, db, "members", path)
		// A file without the optional columns keeps what they set.
		writeCSV(t, path, memberHeader, [][]any{memberRow(1, 20)}, "utf8")
		if res := mustImport(t, db, "members", path); counts(res) != [3]int{0, 0, 1} {
			t.Errorf("counts %v", counts(res))
		}
		ds := dump(t, db)
		p, m := ds.People[0], ds.Memberships[0]
		if p.Village != fxVB1 || p.LeaderSince.IsZero() || m.Role != "理事长" || m.To.String() != "2023-12-31" {
			t.Errorf("person %+v membership %+v", p, m)
		}
		// An unknown home village is refused.
		row[9] = "220999101299"
		writeCSV(t, path, full, [][]any{row}, "utf8")
		if _, rej := importFile(t, db, "members", path, false); rej == nil || rej.Problems[0].Column != "所在村" {
			t.Errorf("unknown village: %v", rej)
		}
	})
}

func TestMembershipsDoNotOverlapStoredOnes(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		h := append(slices.Clone(memberHeader), "退出日期")
		path := tempFile(t, "a.csv")
		writeCSV(t, path, h, [][]any{append(memberRow(1, 20), "2018-01-01")}, "utf8")
		mustImport(t, db, "members", path)
		// Two rows of the pair: the first matches the stored one by its date,
		// the second (rejoined) is new — and must not overlap it.
		r1 := append(memberRow(1, 20), "2018-01-01")
		r2 := append(memberRow(1, 20), "")
		r2[3] = "2019-01-01"
		writeCSV(t, path, h, [][]any{r1, r2}, "utf8")
		if res := mustImport(t, db, "members", path); counts(res) != [3]int{1, 0, 1} {
			t.Errorf("rejoined: %v", counts(res))
		}
		// A pair given twice whose dates match no stored membership overlaps them.
		r3, r4 := append(memberRow(1, 20), "2017-06-01"), append(memberRow(1, 20), "")
		r3[3], r4[3] = "2012-06-01", "2017-06-01"
		writeCSV(t, path, h, [][]any{r3, r4}, "utf8")
		_, rej := importFile(t, db, "members", path, false)
		if rej == nil || len(rej.Problems) == 0 || rej.Problems[0].Column != "加入日期" || !strings.Contains(rej.Problems[0].ZH, "重叠") {
			t.Errorf("overlap not refused: %v", rej)
		}
	})
}
