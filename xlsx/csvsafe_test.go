package xlsx_test

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

// formulaNames are org names that a spreadsheet program would run as
// formulas, and what the CSV export must write for each.
var formulaNames = []struct{ name, csv string }{
	{`=HYPERLINK("http://x","点击")`, `'=HYPERLINK("http://x","点击")`},
	{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
	{"-2+3", "'-2+3"},
	{"@SUM(1+1)", "'@SUM(1+1)"},
	{"\t=1+1", "'\t=1+1"},
	{"\r=1+1", "'\r=1+1"},
	{"-3", "-3"},                         // a number stays a number
	{"+8613900000000", "+8613900000000"}, // so does a phone number
	{"-1.5", "-1.5"},
	{"'=x", "'=x"}, // already quoted by hand: read back as "=x", like Excel
	{"合作社=1", "合作社=1"},
}

// TestCSVExportNeutralisesFormulas: text cells starting with =, +, -, @,
// tab or CR get a leading apostrophe in CSV (numbers do not), the reader
// takes it off again, and a .xlsx holds such names as strings, never as
// formulas.
func TestCSVExportNeutralisesFormulas(t *testing.T) {
	ds := &hezuo.Dataset{}
	for i, f := range formulaNames {
		ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: "ORG-" + string(rune('A'+i)), Name: f.name, Kind: hezuo.KindCooperative, HouseholdsDriven: -3})
	}
	path := tempFile(t, "orgs.csv")
	if _, err := xlsx.Export("orgs", ds, fxToday, path); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	name, households := slicesIndex(recs[0], "名称"), slicesIndex(recs[0], "带动农户数")
	for i, f := range formulaNames {
		if got := recs[i+1][name]; got != f.csv {
			t.Errorf("CSV cell of %q: %q, want %q", f.name, got, f.csv)
		}
		if got := recs[i+1][households]; got != "-3" {
			t.Errorf("a number column holds %q, want -3", got)
		}
	}
	s, err := xlsx.Open(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i, f := range formulaNames {
		_, cells, err := s.Next()
		if err != nil {
			t.Fatal(err)
		}
		want := f.name
		if f.name == "'=x" {
			want = "=x"
		}
		if cells[name] != want {
			t.Errorf("row %d read back as %q, want %q", i+2, cells[name], want)
		}
	}

	// .xlsx: the names are string cells; the sheet has no formula.
	book := tempFile(t, "orgs.xlsx")
	if _, err := xlsx.Export("orgs", ds, fxToday, book); err != nil {
		t.Fatal(err)
	}
	sheet := sheetXML(t, book)
	if strings.Contains(sheet, "<f>") || strings.Contains(sheet, "<f ") {
		t.Errorf("the exported workbook holds a formula:\n%.2000s", sheet)
	}
	if !strings.Contains(sheet, `t="inlineStr"`) && !strings.Contains(sheet, `t="s"`) {
		t.Errorf("the exported workbook has no string cells:\n%.2000s", sheet)
	}
}

// TestCSVExportWithFormulaNamesRoundTrips: a database whose org names look
// like formulas exports to CSV and imports back unchanged.
func TestCSVExportWithFormulaNamesRoundTrips(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *sqldb.DB) {
		mustImport(t, db, "members", writeMixed(t, "xlsx"))
		for i, no := range []string{"ORG-001", "ORG-002", "ORG-003"} {
			if _, err := db.ExecContext(ctx, db.Rebind(`UPDATE orgs SET name = ? WHERE org_no = ?`), formulaNames[i].name, no); err != nil {
				t.Fatal(err)
			}
		}
		before := dump(t, db)
		path := tempFile(t, "orgs.csv")
		n, err := xlsx.Export("orgs", before, fxToday, path)
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); !strings.Contains(string(b), `'=HYPERLINK(""http://x""`) {
			t.Errorf("the CSV does not neutralise the formula:\n%s", b)
		}
		if res := mustImport(t, db, "orgs", path); res.Unchanged != n {
			t.Errorf("re-import: %+v, want %d unchanged", res, n)
		}
		if !reflect.DeepEqual(before, dump(t, db)) {
			t.Error("importing the export changed the database")
		}
	})
}

func slicesIndex(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	panic("no column " + x)
}

// sheetXML returns the first worksheet's XML of a workbook.
func sheetXML(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			return string(b)
		}
	}
	t.Fatal("no worksheet")
	return ""
}
