package xlsx_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// Fixture codes: a county with two townships and three villages.
const (
	fxCounty = "220999"
	fxVA1    = "220999100201"
	fxVA2    = "220999100202"
	fxVB1    = "220999101201"
)

// fxToday is the import day of the tests.
var fxToday = hezuo.MustDate("2024-06-30")

func fxDivisions() []hezuo.Division {
	return []hezuo.Division{{Code: fxCounty, Name: "测试县"}, {Code: "220999100", Name: "甲镇"}, {Code: "220999101", Name: "乙乡"},
		{Code: fxVA1, Name: "东村"}, {Code: fxVA2, Name: "西村"}, {Code: fxVB1, Name: "南村"}}
}

// creditCode returns a valid unified social credit code numbered n.
func creditCode(n int) string {
	for i := n * 100; ; i++ {
		if c := hezuo.MakeCreditCode("93", fxCounty, fmt.Sprintf("%08d", i)); c != "" {
			return c
		}
	}
}

// fxOrgs returns n orgs ORG-001…, every other one registered.
func fxOrgs(n int) []hezuo.Org {
	vs := []string{fxVA1, fxVA2, fxVB1}
	var out []hezuo.Org
	for i := 1; i <= n; i++ {
		o := hezuo.Org{OrgNo: fmt.Sprintf("ORG-%03d", i), Name: fmt.Sprintf("第%d农机专业合作社", i), Kind: hezuo.KindCooperative,
			Village: vs[i%3], Industry: "农机", HouseholdsDriven: i, Founded: hezuo.MustDate("2010-03-01")}
		if i%2 == 0 {
			o.Kind = hezuo.KindAssociation
		} else {
			o.RegisteredOn, o.CreditCode = hezuo.MustDate("2010-04-01"), creditCode(i)
		}
		out = append(out, o)
	}
	return out
}

// openDB returns a database holding the fixture's divisions and 20 orgs,
// for each test database kind.
func forEachDB(t *testing.T, fn func(t *testing.T, db *sqldb.DB)) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) { fn(t, fixtureDB(t, d.DSN, 20)) })
	}
}

func fixtureDB(t testing.TB, dsn string, orgs int) *sqldb.DB {
	t.Helper()
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Load(context.Background(), &hezuo.Dataset{Divisions: fxDivisions(), Orgs: fxOrgs(orgs)}, fxToday); err != nil {
		t.Fatal(err)
	}
	return db
}

// idNumber returns a valid ID number numbered n (unique for n < 10,000,000).
func idNumber(n int) string {
	birth := hezuo.DateOf(1950, time.January, 1).AddDays(n / 1000 % 18000)
	return hezuo.MakeIDNumber(fxCounty, birth, n%1000)
}

var memberHeader = []string{"身份证号", "姓名", "组织编号", "加入日期", "政治面貌", "是否入党积极分子", "是否专业技术人才", "联系电话"}

// memberRow returns member row n of a roster over orgs orgs: one in 20 a
// party member, one in 50 an activist, one in 25 a talent.
func memberRow(n, orgs int) []any {
	status, activist, talent := "群众", "否", "否"
	switch {
	case n%20 == 0:
		status = "中共党员"
	case n%20 == 7:
		status = "中共预备党员"
	case n%50 == 3:
		activist = "是"
	}
	if n%25 == 1 {
		talent = "是"
	}
	joined := hezuo.MustDate("2012-01-01").AddDays(n % 3000)
	return []any{idNumber(n), "成员" + fmt.Sprint(n), fmt.Sprintf("ORG-%03d", 1+n%orgs), joined, status, activist, talent,
		fmt.Sprintf("139%08d", n)}
}

// text renders a row's values as a CSV file holds them.
func text(row []any) []string {
	out := make([]string, len(row))
	for i, v := range row {
		switch x := v.(type) {
		case hezuo.Date:
			out[i] = x.String()
		default:
			out[i] = fmt.Sprint(x)
		}
	}
	return out
}

// writeCSV writes a CSV file in enc: "utf8", "bom" or "gb18030".
func writeCSV(t testing.TB, path string, header []string, rows [][]any, enc string) {
	t.Helper()
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write(header)
	for _, r := range rows {
		w.Write(text(r))
	}
	w.Flush()
	data := []byte(b.String())
	switch enc {
	case "bom":
		data = append([]byte("\ufeff"), data...)
	case "gb18030":
		var err error
		if data, err = simplifiedchinese.GB18030.NewEncoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeXLSX writes a workbook as Excel does: dates as date cells (a serial
// with a date format that displays as 2022/6/8), text as strings, numbers
// as numbers.
func writeXLSX(t testing.TB, path string, header []string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateFmt := "m/d/yy"
	dateStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]any, len(header))
	for i, h := range header {
		vals[i] = h
	}
	sw.SetRow("A1", vals)
	for n, r := range rows {
		vals = make([]any, len(r))
		for i, v := range r {
			switch x := v.(type) {
			case hezuo.Date:
				vals[i] = excelize.Cell{StyleID: dateStyle, Value: x.Time()}
			default:
				vals[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func tempFile(t testing.TB, name string) string { return filepath.Join(t.TempDir(), name) }
