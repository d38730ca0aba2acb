package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hezuo"
)

// TestImportStatesPartyPresumptions: a members import says how many
// conversions it presumed and how many party members it counts without a
// joining date, in text (both languages) and JSON.
func TestImportStatesPartyPresumptions(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	copyDemo(t, db)
	id := func(n int) string { return hezuo.MakeIDNumber("222424", hezuo.MustDate("1980-05-01"), 700+n) }
	file := filepath.Join(dir, "m.csv")
	os.WriteFile(file, []byte("身份证号,姓名,组织编号,加入日期,政治面貌,入党日期,转正日期\n"+
		id(1)+",甲,WQ-HZ-001,2015-01-01,中共党员,2010-07-01,\n"+
		id(2)+",乙,WQ-HZ-001,2015-01-01,中共党员,2010-07-01,2011-09-01\n"+
		id(3)+",丙,WQ-HZ-001,2015-01-01,中共党员,,\n"), 0o644)
	var r struct {
		Presumed int `json:"presumed_full"`
		Unknown  int `json:"party_date_unknown"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "import", "members", file, "--db", db, "--dry-run", "--format", "json")), &r); err != nil || r.Presumed != 1 || r.Unknown != 1 {
		t.Errorf("JSON %+v %v", r, err)
	}
	if out := mustRun(t, "import", "members", file, "--db", db, "--dry-run", "--lang", "en"); !strings.Contains(out, "1 presumed converted a year after joining") {
		t.Errorf("English: %s", out)
	}
	if out := mustRun(t, "import", "members", file, "--db", db); !strings.Contains(out, "1 人按入党日期满一年推定转正") ||
		!strings.Contains(out, "1 名党员入党日期不详，按加入组织日期计为党员，请补录") {
		t.Errorf("Chinese: %s", out)
	}
	// The report lists the member without dates among its findings.
	md := filepath.Join(dir, "r.md")
	mustRun(t, "report", "--db", db, "--scope", "222424", "--out", md)
	if b, err := os.ReadFile(md); err != nil || !strings.Contains(string(b), "1名党员入党日期不详") || !strings.Contains(string(b), "丙（WQ-HZ-001") {
		t.Errorf("report: %v\n%s", err, b)
	}
}
