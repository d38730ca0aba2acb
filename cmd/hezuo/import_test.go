package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"hezuo/sqldb/dbtest"
	"hezuo/xlsx"
)

// importCounts runs an import with --format json and returns new, changed, unchanged.
func importCounts(t *testing.T, args ...string) [3]int {
	t.Helper()
	out := mustRun(t, append(append([]string{"import"}, args...), "--format", "json")...)
	var r struct{ New, Changed, Unchanged int }
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return [3]int{r.New, r.Changed, r.Unchanged}
}

// TestDemoExportsRoundTrip exports every list of the demo county as .xlsx
// and .csv and imports it back: no row is new or changed.
//
// Each `export` dumps the whole database (cmd_export.go), so the kinds run
// side by side (issue 7): the two databases in parallel, and within each
// two workers, each over its own copy of the demo so that no import can
// see another's writes.
func TestDemoExportsRoundTrip(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			exts := []string{".xlsx", ".csv"}
			if d.Name == "postgres" {
				// Reading a CSV is the same whatever the database: the
				// SQLite run covers it (this test is the package's longest).
				exts = exts[:1]
			}
			type job struct{ kind, ext string }
			// The longest rounds (the roster of members, the attendance
			// lists) first, so that the workers end together.
			kinds := xlsx.Kinds()
			first := map[string]int{"members": 1, "meeting-attendances": 2, "attendances": 3, "meetings": 4}
			sort.SliceStable(kinds, func(i, j int) bool {
				fi, fj := first[kinds[i]], first[kinds[j]]
				return fi != 0 && (fj == 0 || fi < fj)
			})
			jobs := make(chan job, len(kinds)*len(exts))
			for _, kind := range kinds {
				for _, ext := range exts {
					jobs <- job{kind, ext}
				}
			}
			close(jobs)
			const workers = 2
			dsns := []string{d.DSN}
			for len(dsns) < workers {
				if d.Name == "postgres" {
					dsns = append(dsns, dbtest.Postgres(t))
				} else {
					dsns = append(dsns, dbtest.SQLite(t))
				}
			}
			for _, dsn := range dsns {
				copyDemo(t, dsn)
			}
			var wg sync.WaitGroup
			for _, dsn := range dsns {
				dir := t.TempDir()
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := range jobs {
						// t.Run may be called from several goroutines; a
						// failed round stops only its own subtest.
						t.Run(j.kind+j.ext, func(t *testing.T) { exportRoundTrip(t, dsn, filepath.Join(dir, j.kind+j.ext), j.kind) })
					}
				}()
			}
			wg.Wait()
			// A township's export holds fewer members than the county's.
			dir := t.TempDir()
			county, town := filepath.Join(dir, "c.csv"), filepath.Join(dir, "t.csv")
			mustRun(t, "export", "members", county, "--db", d.DSN, "--scope", "222424")
			mustRun(t, "export", "members", town, "--db", d.DSN, "--scope", "222424100")
			if n, m := csvRows(t, county), csvRows(t, town); m == 0 || m >= n {
				t.Errorf("county export %d rows, township %d", n, m)
			}
		})
	}
}

// exportRoundTrip exports kind from dsn into file (its extension chooses
// the format) and imports it back, dry and for real: nothing is new or
// changed, and the dry run sees every row unchanged.
func exportRoundTrip(t *testing.T, dsn, file, kind string) {
	mustRun(t, "export", kind, file, "--db", dsn)
	ext := filepath.Ext(file)
	got := importCounts(t, kind, file, "--db", dsn, "--dry-run")
	if got[0] != 0 || got[1] != 0 || got[2] == 0 {
		t.Errorf("%s%s dry run: %v", kind, ext, got)
	}
	if got := importCounts(t, "--db", dsn, kind, file); got[0] != 0 || got[1] != 0 {
		t.Errorf("%s%s: %v", kind, ext, got)
	}
}

func csvRows(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return len(recs) - 1
}

var problemLine = regexp.MustCompile(`^(.+):(\d+):([^:]+): (.+)$`)

func TestImportRefusesABadFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	copyDemo(t, db)
	members := filepath.Join(dir, "m.csv")
	mustRun(t, "export", "members", members, "--db", db)
	b, _ := os.ReadFile(members)
	lines := strings.Split(string(b), "\n")
	// Row 3 gets an impossible date, row 5 an unknown org.
	set := func(line, field int, v string) {
		f := strings.Split(lines[line], ",")
		f[field] = v
		lines[line] = strings.Join(f, ",")
	}
	set(2, 3, "2022-02-30")
	set(4, 2, "NO-SUCH-ORG")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644)

	for _, lang := range []string{"zh", "en"} {
		code, out, errs := hz(t, "", "import", "members", bad, "--db", db, "--lang", lang)
		if code != 1 {
			t.Fatalf("exit %d, want 1: %s", code, errs)
		}
		got := strings.Split(strings.TrimSpace(errs), "\n")
		if len(got) != 2 {
			t.Fatalf("stderr:\n%s", errs)
		}
		for i, want := range [][2]string{{"3", "加入日期"}, {"5", "组织编号"}} {
			m := problemLine.FindStringSubmatch(got[i])
			if m == nil || m[1] != bad || m[2] != want[0] || m[3] != want[1] {
				t.Errorf("line %q, want %s:%s:%s: …", got[i], bad, want[0], want[1])
			}
		}
		if lang == "en" && !strings.Contains(errs, "unknown org_id") || lang == "zh" && !strings.Contains(errs, "未知的组织编号") {
			t.Errorf("%s messages: %s", lang, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "bad-errors.xlsx")); err != nil || !strings.Contains(out, "bad-errors.xlsx") {
			t.Errorf("error workbook: %v, stdout %q", err, out)
		}
	}
}

func TestImportUsage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	for _, args := range [][]string{
		{"import", "people", "a.csv", "--db", db},
		{"import", "members", "--db", db},
		{"import", "members", "a.csv", "b.csv", "--db", db},
		{"template", "members", filepath.Join(dir, "t.csv")},
		{"export", "members", filepath.Join(dir, "t.txt2"), "--db", db},
		{"export", "members", filepath.Join(dir, "t.csv"), "--scope", "12345", "--db", db},
	} {
		if code, _, errs := hz(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, code, errs)
		}
	}
	if code, _, errs := hz(t, "", "import", "members", filepath.Join(dir, "missing.csv"), "--db", db); code != 1 || !strings.Contains(errs, "missing.csv") {
		t.Errorf("missing file: exit %d: %s", code, errs)
	}
	tpl := filepath.Join(dir, "members.xlsx")
	mustRun(t, "template", "members", tpl)
	if _, err := os.Stat(tpl); err != nil {
		t.Error(err)
	}
}

// TestDemoRebuiltFromSpreadsheets exports the demo county's lists and
// imports them, in dependency order, into an empty database: the figures
// the lists carry come out the same.
func TestDemoRebuiltFromSpreadsheets(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "demo.db"), filepath.Join(dir, "rebuilt.db")
	copyDemo(t, src)
	for _, kind := range []string{"divisions", "orgs", "party-orgs", "members", "instructors", "dispatches"} {
		file := filepath.Join(dir, kind+".xlsx")
		mustRun(t, "export", kind, file, "--db", src)
		if got := importCounts(t, kind, file, "--db", dst); got[0] == 0 || got[1] != 0 || got[2] != 0 {
			t.Errorf("%s: %v", kind, got)
		}
	}
	stats := func(db string) map[string]any {
		var m map[string]any
		if err := json.Unmarshal([]byte(mustRun(t, "stats", "--db", db, "--as-of", "2022-06-08", "--format", "json")), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	a, b := stats(src), stats(dst)
	// Full members as well: the export's 入党日期 and 转正日期 rebuild who
	// was still probationary on the day.
	for _, path := range []string{"orgs.total", "orgs.cooperatives", "orgs.associations", "cooperatives.members",
		"cooperatives.party_members", "cooperatives.full_party_members", "associations.full_party_members",
		"cooperatives.households_driven", "associations.members", "associations.party_members",
		"party_orgs.branches", "party_orgs.joint_branches", "party_orgs.party_groups", "instructors.dispatched",
		"instructors.orgs_covered", "talent.party_members", "talent.technical_talents"} {
		x, _ := lookupPath(a, path)
		y, _ := lookupPath(b, path)
		if x != y || x == nil {
			t.Errorf("%s: demo %v, rebuilt %v", path, x, y)
		}
	}
}
