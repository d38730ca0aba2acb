package xlsx_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

var ctx = context.Background()

func importFile(t *testing.T, db *sqldb.DB, kind, path string, dry bool) (*xlsx.Result, *xlsx.Rejected) {
	t.Helper()
	res, err := xlsx.Import(ctx, db, kind, path, xlsx.Options{Today: fxToday}, dry)
	if rej := xlsx.AsRejected(err); rej != nil {
		return nil, rej
	}
	if err != nil {
		t.Fatal(err)
	}
	return res, nil
}

func mustImport(t *testing.T, db *sqldb.DB, kind, path string) *xlsx.Result {
	t.Helper()
	res, rej := importFile(t, db, kind, path, false)
	if rej != nil {
		t.Fatalf("rejected:\n%s", rej.Lines("zh"))
	}
	return res
}

func counts(r *xlsx.Result) [3]int { return [3]int{r.New, r.Changed, r.Unchanged} }

func dump(t *testing.T, db *sqldb.DB) *hezuo.Dataset {
	t.Helper()
	ds, err := db.Dump(ctx, hezuo.AllScope)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// idWithX returns a valid ID number ending in X, written with a lower-case x.
func idWithX() string {
	for n := 1; ; n++ {
		if id := idNumber(n); strings.HasSuffix(id, "X") {
			return strings.ToLower(id)
		}
	}
}

func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '!' && r <= '~' {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// mixedRoster is a real-looking roster: columns in another order, English
// and Chinese headers, an extra column, and cells typed every accepted way.
var mixedHeader = []string{"姓名", "ID Number", "组织编号", "政治面貌", "加入日期", "备注", "是否专业技术人才", "是否入党积极分子", "phone", "入党日期"}

func mixedRoster() [][]any {
	d := func(s string) hezuo.Date { return hezuo.MustDate(s) }
	return [][]any{
		{"张桂兰", idNumber(101), "ORG-001", "中共党员", d("2015-03-01"), "理事长", "是", "否", "13904331234", "2009-07-01"},
		{" 李长春 ", "  " + idNumber(102) + " ", "ORG-001", "群众", "2016/4/5", "", "否", "是", " 13904331235 ", ""},
		{"王淑芬", fullWidth(idNumber(103)), fullWidth("ORG-002"), "群众", "2016.5.6", "", "N", "N", fullWidth("13904331236"), ""},
		{"赵国庆", idWithX(), "ORG-002", "中共预备党员", "2017年6月7日", "", "Y", "N", "", "2023年7月1日"},
		{"刘秀英", idNumber(105), " ORG-003 ", "群众", "20180808", "会计", "1", "0", "", ""},
		{"陈志强", idNumber(106), "ORG-003", "中共党员", d("2019-09-09"), "", "true", "false", "0433-8123456", ""},
		{"杨玉梅", idNumber(107), "ORG-004", "群众", "２０２０－１０－１０", "", "是", "否", "", ""},
		{"张桂兰", idNumber(101), "ORG-004", "中共党员", "2021/1/2", "也在四社", "是", "否", "13904331234", "2009-07-01"},
	}
}

func writeMixed(t *testing.T, format string) string {
	rows := mixedRoster()
	switch format {
	case "xlsx":
		p := tempFile(t, "roster.xlsx")
		writeXLSX(t, p, mixedHeader, rows)
		return p
	default:
		p := tempFile(t, "roster.csv")
		writeCSV(t, p, mixedHeader, rows, format)
		return p
	}
}

func TestMixedRosterImportsWhole(t *testing.T) {
	for _, format := range []string{"xlsx", "utf8", "bom", "gb18030"} {
		t.Run(format, func(t *testing.T) {
			forEachDB(t, func(t *testing.T, db *sqldb.DB) {
				res := mustImport(t, db, "members", writeMixed(t, format))
				if res.Rows != 8 || counts(res) != [3]int{8, 0, 0} {
					t.Fatalf("result %+v", res)
				}
				ds := dump(t, db)
				people := map[string]hezuo.Person{}
				for _, p := range ds.People {
					people[p.IDNumber] = p
				}
				if len(people) != 7 || len(ds.Memberships) != 8 {
					t.Fatalf("%d people, %d memberships", len(people), len(ds.Memberships))
				}
				x := strings.ToUpper(idWithX())
				if p, ok := people[x]; !ok || p.Name != "赵国庆" || !p.TalentSince.Equal(hezuo.MustDate("2017-06-07")) {
					t.Errorf("lower-case x person: %+v", people[x])
				}
				if p := people[idNumber(102)]; p.Name != "李长春" || p.Phone != "13904331235" {
					t.Errorf("trimmed person: %+v", p)
				}
				if p := people[idNumber(103)]; p.Phone != "13904331236" {
					t.Errorf("full-width phone: %q", p.Phone)
				}
				joined := map[string]string{}
				for _, m := range ds.Memberships {
					joined[m.IDNumber+"@"+m.OrgNo] = m.From.String()
				}
				for key, want := range map[string]string{
					idNumber(101) + "@ORG-001": "2015-03-01", idNumber(102) + "@ORG-001": "2016-04-05",
					idNumber(103) + "@ORG-002": "2016-05-06", x + "@ORG-002": "2017-06-07", idNumber(105) + "@ORG-003": "2018-08-08",
					idNumber(106) + "@ORG-003": "2019-09-09", idNumber(107) + "@ORG-004": "2020-10-10", idNumber(101) + "@ORG-004": "2021-01-02",
				} {
					if joined[key] != want {
						t.Errorf("%s joined %q, want %s", key, joined[key], want)
					}
				}
				status := map[string]string{}
				for _, s := range ds.PartyStatus {
					status[s.IDNumber] = s.Status + " " + s.From.String()
				}
				for id, want := range map[string]string{
					// 中共党员 admitted on 2009-07-01: full from the presumed
					// conversion a year later (党章 Art. 7).
					idNumber(101): "full 2010-07-01", idNumber(102): "activist 2016-04-05", x: "probationary 2023-07-01",
					idNumber(106): "full 2019-09-09",
				} {
					if status[id] != want {
						t.Errorf("%s status %q, want %q", id, status[id], want)
					}
				}
				if len(status) != 4 {
					t.Errorf("statuses %v", status)
				}
			})
		})
	}
}

// plantedRoster returns 40 good rows and, at the returned row numbers,
// mistakes of every kind; the bad rows' problems name these columns.
func plantedRoster() ([][]any, map[int]string) {
	var rows [][]any
	for n := 1; n <= 40; n++ {
		rows = append(rows, memberRow(n, 20))
	}
	bad := map[int]string{}
	plant := func(i int, col int, v any, header string) {
		rows[i][col] = v
		bad[i+2] = header
	}
	id := idNumber(7)
	plant(3, 0, id[:17]+map[bool]string{true: "1", false: "2"}[id[17] != '1'], "身份证号") // check character
	plant(8, 2, "ORG-999", "组织编号")                                                     // unknown org
	plant(12, 3, "2022-02-30", "加入日期")                                                 // no such day
	plant(17, 4, "党外人士", "政治面貌")                                                       // unknown status
	plant(21, 6, "也许", "是否专业技术人才")                                                     // not yes/no
	plant(25, 7, "电话号码", "联系电话")                                                       // malformed phone
	rows = append(rows, rows[30])                                                      // a duplicate of row 32
	bad[len(rows)+1] = "身份证号"
	plant(34, 1, "  ", "姓名") // empty name
	return rows, bad
}

func TestPlantedMistakesRefusedWhole(t *testing.T) {
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			forEachDB(t, func(t *testing.T, db *sqldb.DB) {
				rows, bad := plantedRoster()
				path := tempFile(t, "planted."+format)
				if format == "xlsx" {
					writeXLSX(t, path, memberHeader, rows)
				} else {
					writeCSV(t, path, memberHeader, rows, "gb18030")
				}
				before := dump(t, db)
				_, rej := importFile(t, db, "members", path, false)
				if rej == nil {
					t.Fatal("a file with planted mistakes was accepted")
				}
				got := map[int]string{}
				for _, p := range rej.Problems {
					if _, planted := bad[p.Row]; !planted {
						t.Errorf("a good row is blamed: %s", p.Line(path, "zh"))
					}
					got[p.Row] = p.Column
				}
				for row, col := range bad {
					if got[row] != col {
						t.Errorf("row %d: blamed column %q, want %q", row, got[row], col)
					}
				}
				if after := dump(t, db); !reflect.DeepEqual(before, after) {
					t.Error("a refused import wrote records")
				}
				for _, line := range strings.Split(rej.Lines("en"), "\n") {
					if !strings.HasPrefix(line, path+":") || strings.Count(line, ":") < 3 {
						t.Errorf("line %q is not FILE:ROW:COLUMN: message", line)
					}
				}
				checkErrorBook(t, db, rej, len(rows), bad)
			})
		})
	}
}

// checkErrorBook writes the error workbook and checks that it holds every
// row, marks exactly the bad rows and explains them in 错误说明.
func checkErrorBook(t *testing.T, db *sqldb.DB, rej *xlsx.Rejected, rows int, bad map[int]string) {
	t.Helper()
	out := tempFile(t, "errors.xlsx")
	if err := xlsx.WriteErrorBook(rej, "members", out, "zh"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != rows+1 {
		t.Fatalf("error workbook has %d rows, want %d", len(all), rows+1)
	}
	noteCol := len(memberHeader)
	if all[0][noteCol] != "错误说明" {
		t.Errorf("last header %q", all[0][noteCol])
	}
	for i := 1; i < len(all); i++ {
		note := ""
		if len(all[i]) > noteCol {
			note = all[i][noteCol]
		}
		col, isBad := bad[i+1]
		if isBad != (note != "") || (isBad && !strings.Contains(note, col)) {
			t.Errorf("row %d: note %q, planted column %q", i+1, note, col)
		}
		if isBad {
			c := slices.Index(memberHeader, col)
			cell, _ := excelize.CoordinatesToCellName(c+1, i+1)
			style, _ := f.GetCellStyle(sheet, cell)
			st, _ := f.GetStyle(style)
			if st == nil || len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" {
				t.Errorf("bad cell %s not marked red", cell)
			}
		}
	}
	// Imported as it is, the error workbook gives the same problems: its
	// rows are the file's rows, and 错误说明 is ignored.
	_, again := importFile(t, db, "members", out, false)
	if again == nil || len(again.Problems) != len(rej.Problems) {
		t.Fatalf("error workbook re-import: %v", again)
	}
	for i, p := range again.Problems {
		if q := rej.Problems[i]; p.Row != q.Row || p.Column != q.Column || p.ZH != q.ZH {
			t.Errorf("re-import problem %+v, first import %+v", p, q)
		}
	}
}
