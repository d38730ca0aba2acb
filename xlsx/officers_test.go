package xlsx_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

var ofHeader = []string{"党组织编号", "身份证号", "姓名", "职务", "任职日期", "离任日期"}

// Officer fixture people: full members in township 甲镇 (220999100) and
// 乙乡 (220999101), one probationary until 2021, one never a member.
var (
	ofA1, ofA2, ofA3, ofB1, ofX = idNumber(601), idNumber(602), idNumber(603), idNumber(604), idNumber(605)
)

// officerFixture loads the people and party organizations officers need:
// a township committee, branch B1 seated in 甲镇 with its party group G1,
// branch B2 seated in 乙乡.
func officerFixture(t *testing.T, db *sqldb.DB) {
	t.Helper()
	d := hezuo.MustDate
	full := func(id string, from string) hezuo.PartyStatus {
		return hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull, Period: hezuo.Period{From: d(from)}}
	}
	ds := &hezuo.Dataset{
		People: []hezuo.Person{{IDNumber: ofA1, Name: "金一", Village: fxVA1}, {IDNumber: ofA2, Name: "金二", Village: fxVA2},
			{IDNumber: ofA3, Name: "金三", Village: fxVA1}, {IDNumber: ofB1, Name: "朴一", Village: fxVB1}, {IDNumber: ofX, Name: "崔群", Village: fxVA1}},
		PartyStatus: []hezuo.PartyStatus{full(ofA1, "2015-01-01"), full(ofA2, "2015-01-01"), full(ofB1, "2015-01-01"),
			{IDNumber: ofA3, Status: hezuo.StatusProbationary, Period: hezuo.Period{From: d("2020-01-01"), To: d("2021-01-01")}},
			full(ofA3, "2021-01-01")},
		PartyOrgs: []hezuo.PartyOrg{
			{No: "T1", Name: "甲镇党委", Form: hezuo.FormTownship, Seat: "220999100000", Period: hezuo.Period{From: d("2000-01-01")}},
			{No: "B1", Name: "第1社党支部", Form: hezuo.FormBranch, Seat: fxVA2, Parent: "T1", Orgs: []string{"ORG-001"}, Period: hezuo.Period{From: d("2015-07-01")}},
			{No: "G1", Name: "第1社党小组", Form: hezuo.FormPartyGroup, Seat: fxVA2, Parent: "B1", Orgs: []string{"ORG-001"}, Period: hezuo.Period{From: d("2016-07-01")}},
			{No: "B2", Name: "第2社党支部", Form: hezuo.FormBranch, Seat: fxVB1, Orgs: []string{"ORG-002"}, Period: hezuo.Period{From: d("2015-07-01")}},
		},
	}
	if err := db.Load(ctx, ds, fxToday); err != nil {
		t.Fatal(err)
	}
}

func TestOfficersImport(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		officerFixture(t, db)
		path := tempFile(t, "of.csv")
		rows := [][]any{
			{"B1", ofA1, "金一", "书记", "2021-01-10", ""},
			{"B1", ofA2, "", "组织委员", "2021/1/10", ""},
			{"B2", ofB1, "朴一", "委员", "2021-01-10", ""},
			{"G1", ofA3, "金三", "党小组长", "2021-02-01", ""},
		}
		writeCSV(t, path, ofHeader, rows, "gb18030")
		if res := mustImport(t, db, "officers", path); counts(res) != [3]int{4, 0, 0} {
			t.Errorf("officers %v", counts(res))
		}
		if res := mustImport(t, db, "officers", path); counts(res) != [3]int{0, 0, 4} {
			t.Errorf("officers again %v", counts(res))
		}
		// One file ends a secretary's post and starts the next one's; 委员
		// with a duty updates the post of the same key.
		rows[0][5] = "2023-01-10"
		rows[2][3] = "纪检委员"
		writeXLSX(t, path[:len(path)-4]+".xlsx", ofHeader, append(rows, []any{"B1", ofA3, "金三", "书记", "2023-01-10", ""}))
		if res := mustImport(t, db, "officers", path[:len(path)-4]+".xlsx"); counts(res) != [3]int{1, 2, 2} {
			t.Errorf("a new secretary %v", counts(res))
		}
		got := map[string]hezuo.Officer{}
		for _, o := range dump(t, db).Officers {
			got[o.PartyOrg+o.IDNumber+o.Role] = o
		}
		if o := got["B1"+ofA1+hezuo.RoleSecretary]; o.To.String() != "2023-01-10" {
			t.Errorf("the old secretary %+v", o)
		}
		if o := got["B1"+ofA2+hezuo.RoleCommittee]; o.Duty != hezuo.DutyOrganization {
			t.Errorf("the organization member %+v", o)
		}
		if o := got["B2"+ofB1+hezuo.RoleCommittee]; o.Duty != hezuo.DutyDiscipline {
			t.Errorf("the discipline member %+v", o)
		}
		if len(got) != 5 {
			t.Errorf("%d posts: %+v", len(got), got)
		}
	})
}

func TestOfficersRejected(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		officerFixture(t, db)
		path := tempFile(t, "of.csv")
		writeCSV(t, path, ofHeader, [][]any{{"B1", ofA1, "金一", "书记", "2021-01-10", ""}, {"B2", ofB1, "朴一", "书记", "2021-01-10", ""}}, "utf8")
		mustImport(t, db, "officers", path)
		unknown := idNumber(699)
		for _, c := range []struct {
			name         string
			rows         [][]any
			column, want string
		}{
			{"unknown post", [][]any{{"B1", ofA2, "", "主任", "2021-01-10", ""}}, "职务", "无效"},
			{"unknown person", [][]any{{"B1", unknown, "", "委员", "2021-01-10", ""}}, "身份证号", "此身份证号未登记"},
			{"unknown party organization", [][]any{{"B9", ofA2, "", "委员", "2021-01-10", ""}}, "党组织编号", "未知的党组织编号"},
			{"another name", [][]any{{"B1", ofA2, "金三", "委员", "2021-01-10", ""}}, "姓名", "不一致"},
			{"probationary on the start", [][]any{{"B1", ofA3, "", "委员", "2020-06-01", ""}}, "身份证号", "不是正式党员"},
			{"never a member", [][]any{{"B1", ofX, "", "委员", "2021-01-10", ""}}, "身份证号", "不是正式党员"},
			{"a second secretary", [][]any{{"B1", ofA2, "", "书记", "2022-01-01", ""}}, "职务", "同期已有书记"},
			{"the secretary again as a member", [][]any{{"B1", ofA1, "", "宣传委员", "2022-01-01", ""}}, "任职日期", "此人同期已在该党组织担任书记"},
			{"two organization members in one file", [][]any{{"B1", ofA2, "", "组织委员", "2022-01-01", ""},
				{"B1", ofA3, "", "组织委员", "2022-01-01", ""}}, "职务", "同期已有组织委员"},
			{"a group leader in a branch", [][]any{{"B1", ofA2, "", "党小组长", "2022-01-01", ""}}, "职务", "党小组长只设于"},
			{"before the founding", [][]any{{"B1", ofA2, "", "委员", "2015-01-01", ""}}, "任职日期", "早于党组织成立"},
			{"a start after today", [][]any{{"B1", ofA2, "", "委员", "2024-07-01", ""}}, "任职日期", "晚于今天"},
			{"an end before the start", [][]any{{"B1", ofA2, "", "委员", "2021-01-10", "2020-01-01"}}, "离任日期", "晚于开始"},
			{"a row twice", [][]any{{"B1", ofA2, "", "委员", "2021-01-10", ""}, {"B1", ofA2, "", "组织委员", "2021-01-10", ""}}, "职务", "与第 2 行重复"},
		} {
			t.Run(c.name, func(t *testing.T) {
				writeCSV(t, path, ofHeader, c.rows, "utf8")
				_, rej := importFile(t, db, "officers", path, false)
				if rej == nil {
					t.Fatal("accepted")
				}
				p := rej.Problems[0]
				if p.Column != c.column || !strings.Contains(p.ZH, c.want) {
					t.Errorf("got %s; want column %s with %q", p.Line(path, "zh"), c.column, c.want)
				}
				for _, p := range rej.Problems {
					if strings.Contains(p.ZH+p.EN, unknown) || strings.Contains(p.ZH+p.EN, unknown[len(unknown)-4:]) {
						t.Errorf("a problem reveals the ID number: %s", p.Line(path, "zh"))
					}
				}
			})
		}
		if n := len(dump(t, db).Officers); n != 2 {
			t.Errorf("%d officers after the rejected files", n)
		}
	})
}

func TestOfficersTownshipScope(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		officerFixture(t, db)
		town := &hezuo.Access{User: "t", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: "220999100"}}
		path := tempFile(t, "of.csv")
		writeCSV(t, path, ofHeader, [][]any{
			{"B1", ofA1, "", "书记", "2021-01-10", ""}, // in the township
			{"B2", ofA2, "", "委员", "2021-01-10", ""}, // a party organization of 乙乡
			{"B1", ofB1, "", "委员", "2021-01-10", ""}, // a person of 乙乡
		}, "utf8")
		_, err := xlsx.Import(ctx, db, "officers", path, xlsx.Options{Today: fxToday, Access: town}, false)
		rej := xlsx.AsRejected(err)
		if rej == nil || len(rej.Problems) != 2 {
			t.Fatalf("want two problems, got %v", err)
		}
		for i, want := range [][2]any{{3, "党组织编号"}, {4, "身份证号"}} {
			if p := rej.Problems[i]; p.Row != want[0] || p.Column != want[1] || !strings.Contains(p.ZH, "不在您的管辖范围内") {
				t.Errorf("problem %d: %s", i, p.Line(path, "zh"))
			}
		}
		writeCSV(t, path, ofHeader, [][]any{{"B1", ofA1, "", "书记", "2021-01-10", ""}}, "utf8")
		if res, err := xlsx.Import(ctx, db, "officers", path, xlsx.Options{Today: fxToday, Access: town}, false); err != nil || res.New != 1 {
			t.Fatalf("a post of the township: %+v %v", res, err)
		}
		// The post is audited in the import's transaction, filed under the
		// party organization's seat, the ID number masked.
		entries, _, err := db.AuditLog(ctx, hezuo.System, hezuo.AuditFilter{Entity: "officer"})
		if err != nil || len(entries) != 1 || entries[0].Action != hezuo.ActionCreate || entries[0].User != "t" ||
			entries[0].Division == "" || strings.Contains(entries[0].Key+entries[0].After, ofA1) {
			t.Errorf("the imported post's audit entries: %+v %v", entries, err)
		}
		// The store refuses too, whatever the plan said.
		for _, o := range []hezuo.Officer{
			{PartyOrg: "B2", IDNumber: ofA2, Role: hezuo.RoleCommittee, Period: hezuo.Period{From: hezuo.MustDate("2021-01-10")}},
			{PartyOrg: "B1", IDNumber: ofB1, Role: hezuo.RoleCommittee, Period: hezuo.Period{From: hezuo.MustDate("2021-01-10")}},
		} {
			if err := db.Import(ctx, town, &hezuo.Dataset{Officers: []hezuo.Officer{o}}, fxToday, time.Now()); hezuo.ErrorCode(err) != hezuo.EFORBIDDEN {
				t.Errorf("the store writes %+v: %v", o, err)
			}
		}
		// And checks the post as the plan does.
		bad := hezuo.Officer{PartyOrg: "B1", IDNumber: ofX, Role: hezuo.RoleCommittee, Period: hezuo.Period{From: hezuo.MustDate("2021-01-10")}}
		if err := db.Import(ctx, hezuo.System, &hezuo.Dataset{Officers: []hezuo.Officer{bad}}, fxToday, time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID ||
			!strings.Contains(err.Error(), "不是正式党员") {
			t.Errorf("the store writes a post of a non-member: %v", err)
		}
	})
}

func TestOfficersExportRoundTrip(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		officerFixture(t, db)
		path := tempFile(t, "of.csv")
		writeCSV(t, path, ofHeader, [][]any{
			{"B1", ofA1, "", "书记", "2021-01-10", "2023-01-10"}, {"B1", ofA3, "", "书记", "2023-01-10", ""},
			{"B1", ofA2, "", "宣传委员", "2021-01-10", ""}, {"G1", ofA1, "", "党小组长", "2023-01-10", ""}, {"B2", ofB1, "", "副书记", "2021-01-10", ""},
		}, "utf8")
		mustImport(t, db, "officers", path)
		before := dump(t, db)
		for _, ext := range []string{"xlsx", "csv"} {
			out := tempFile(t, "officers."+ext)
			n, err := xlsx.Export("officers", before, fxToday, out)
			if err != nil || n != 5 {
				t.Fatalf("exported %d: %v", n, err)
			}
			if res := mustImport(t, db, "officers", out); counts(res) != [3]int{0, 0, 5} {
				t.Errorf("%s: %v", ext, counts(res))
			}
		}
		if !reflect.DeepEqual(before, dump(t, db)) {
			t.Error("importing the export changed the database")
		}
	})
}
