package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// demoTemplate is the demo county, loaded once per test binary and kind of
// database by the demo command itself, and copied into each test's
// database (issue 7: the package's tests loaded it over a dozen times).
var demoTemplate = &dbtest.Template{Name: "cmd", Load: loadDemoTemplate}

func TestMain(m *testing.M) {
	code := m.Run()
	demoTemplate.Drop()
	os.Exit(code)
}

// copyDemo fills dsn — a fresh database from dbtest (a PostgreSQL one is
// replaced) or a new SQLite file path — with the demo county, as `hezuo
// demo --db dsn` would.
func copyDemo(t *testing.T, dsn string) {
	t.Helper()
	demoTemplate.Copy(t, dsn)
}

// loadDemoTemplate runs `hezuo demo` on the empty database dsn.
func loadDemoTemplate(dsn string) error {
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"demo", "--db", dsn}, strings.NewReader(""), &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "演示县数据已载入") {
		return fmt.Errorf("hezuo demo: exit %d: %s%s", code, out.String(), errb.String())
	}
	return nil
}

// hz runs one command line in-process and returns its exit code and output.
func hz(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := hz(t, "", args...)
	if code != 0 {
		t.Fatalf("hezuo %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

// seed figures of mission.md, as stats JSON paths.
var seedFigures = map[string]float64{
	"orgs.total": 168, "orgs.cooperatives": 69, "orgs.associations": 99,
	"cooperatives.members": 11532, "cooperatives.party_members": 354,
	"associations.members": 17653, "associations.party_members": 409,
	"party_orgs.branches": 25, "party_orgs.joint_branches": 75, "party_orgs.party_groups": 108,
	"instructors.dispatched": 55, "instructors.orgs_covered": 55, "instructors.members_developed": 2, "instructors.activists": 32,
	"talent.party_members": 763, "talent.technical_talents": 538,
	"coverage.uncovered": 0, "coverage.should_build_not_built": 0,
	"assistance.units": 101, "assistance.orgs_assisted": 80, "assistance.households_paired": 165, "assistance.people_out_of_poverty": 620,
	"loans.total_fen": 2275000000, "training.sessions": 130,
}

func lookupPath(m map[string]any, path string) (any, bool) {
	var v any = m
	for _, p := range strings.Split(path, ".") {
		o, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = o[p]; !ok {
			return nil, false
		}
	}
	return v, true
}

// TestDemoReproducesSeedFigures checks the demo's figures against the
// seed's on SQLite and PostgreSQL (the two in parallel), and that both give
// the same stats and check.
func TestDemoReproducesSeedFigures(t *testing.T) {
	var mu sync.Mutex
	outputs := map[string][2]string{}
	dsns := dbtest.DSNs(t)
	t.Run("db", func(t *testing.T) {
		for _, d := range dsns {
			t.Run(d.Name, func(t *testing.T) {
				t.Parallel()
				demoSeedFigures(t, d.DSN, func(out [2]string) {
					mu.Lock()
					outputs[d.Name] = out
					mu.Unlock()
				})
			})
		}
	})
	if pg, ok := outputs["postgres"]; ok {
		if sq := outputs["sqlite"]; sq != pg {
			t.Errorf("SQLite and PostgreSQL outputs differ")
		}
	}
}

// demoSeedFigures checks the demo county in the database dsn and hands its
// stats and check (JSON, 2022-06-08) to keep.
func demoSeedFigures(t *testing.T, dsn string, keep func([2]string)) {
	copyDemo(t, dsn) // loaded by `hezuo demo` into the template
	if out := mustRun(t, "demo", "--db", dsn); !strings.Contains(out, "无需重复") {
		t.Errorf("second demo run is not a no-op: %q", out)
	}
	for _, day := range []string{"2022-06-08"} {
		out := mustRun(t, "stats", "--as-of", day, "--format", "json", "--db", dsn)
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatal(err)
		}
		for path, want := range seedFigures {
			got, ok := lookupPath(m, path)
			if !ok || got.(float64) != want {
				t.Errorf("%s: %s = %v, want %v", day, path, got, want)
			}
		}
		hh, _ := lookupPath(m, "cooperatives.households_driven")
		if h := hh.(float64); h < 5000 || h >= 6000 {
			t.Errorf("households driven %v, want 5000+", h)
		}
		share, _ := lookupPath(m, "talent.share_of_cooperative_members")
		if s := share.(float64); s < 0.1125 || s >= 0.1135 {
			t.Errorf("share of cooperative members %v, want 11.3%%", s)
		}
		coop, _ := lookupPath(m, "loans.to_cooperatives_fen")
		if f := coop.(float64); f < 1_100_000_000 || f >= 1_200_000_000 {
			t.Errorf("loans to cooperatives %v fen, want 1100余万元", f)
		}
		att, _ := lookupPath(m, "training.attendances")
		people, _ := lookupPath(m, "training.people")
		if a, p := att.(float64), people.(float64); a < 12000 || a >= 13000 || p >= a || p == 0 {
			t.Errorf("training attendances %v by %v people, want 12000余 by fewer people", a, p)
		}
		all, _ := lookupPath(m, "talent.share_of_all_members")
		if s := all.(float64); s < 0.0445 || s >= 0.0450 {
			t.Errorf("share of all members %v, want 4.5%%", s)
		}
	}
	// Later the demo lives on (demo/living.go): the orgs and their members
	// stand, the platforms' records, the party members and those the
	// instructors developed grow, nothing is uncovered.
	var later map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "stats", "--as-of", "2026-11-28", "--format", "json", "--db", dsn)), &later); err != nil {
		t.Fatal(err)
	}
	for path, want := range seedFigures {
		got, _ := lookupPath(later, path)
		switch g := got.(float64); {
		case strings.HasPrefix(path, "orgs.") || strings.HasSuffix(path, ".members") || strings.HasPrefix(path, "coverage.") ||
			path == "instructors.dispatched" || path == "instructors.orgs_covered":
			if g != want {
				t.Errorf("2026-11-28: %s = %v, want %v as on the seed day", path, g, want)
			}
		case strings.HasPrefix(path, "training.") || strings.HasPrefix(path, "loans.") || strings.HasSuffix(path, "party_members") ||
			path == "instructors.members_developed":
			if g <= want {
				t.Errorf("2026-11-28: %s = %v, want more than the seed day's %v", path, g, want)
			}
		}
	}
	stats := mustRun(t, "stats", "--db", dsn, "--as-of", "2022-06-08", "--format", "json")
	check := mustRun(t, "check", "--db", dsn, "--as-of", "2022-06-08", "--format", "json")
	keep([2]string{stats, check})
	keyRotationOnDemo(t, dsn, stats, check) // cmd_key_test.go: sealed at rest, rotation changes nothing
	var rows []hezuo.CheckView
	if err := json.Unmarshal([]byte(check), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 168 {
		t.Fatalf("check lists %d orgs, want 168", len(rows))
	}
	levels := map[string]int{}
	for _, r := range rows {
		levels[r.ManagedBy.Level]++
		if hezuo.RequiredNames[r.Required] == "" || hezuo.ActualNames[r.Actual] == "" || r.Status != "ok" ||
			r.OrgNo == "" || r.Name == "" || hezuo.KindNames[r.Kind] == "" || len(r.Reasons) < 3 {
			t.Errorf("bad check row %+v", r)
		}
	}
	if levels["village"] == 0 || levels["township"] == 0 || levels["department"] == 0 {
		t.Errorf("manager levels %v: every level should occur", levels)
	}
}

func TestDemoRefusesOtherData(t *testing.T) {
	dsn := dbtest.SQLite(t)
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Load(context.Background(), &hezuo.Dataset{Divisions: []hezuo.Division{{Code: "110101", Name: "东城区"}}}, hezuo.MustDate("2024-01-01"))
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if code, _, errs := hz(t, "", "demo", "--db", dsn); code != 1 || !strings.Contains(errs, "其他数据") {
		t.Fatalf("demo on a foreign database: exit %d %q", code, errs)
	}
}

func TestFlagsAnywhereAndExitCodes(t *testing.T) {
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn)
	a := mustRun(t, "check", "--db", dsn, "--scope", "222424103", "--as-of", "2022-06-08", "--format", "json")
	b := mustRun(t, "check", "--format", "json", "--scope", "222424103000", "--as-of=2022-06-08", "--db", dsn)
	if a != b || !strings.Contains(a, "绥芬农机") {
		t.Errorf("flag order or scope padding changed the output")
	}
	for _, args := range [][]string{
		{"stats", "--bogus"}, {"stats", "--as-of", "2022-02-30", "--db", dsn}, {"stats", "--scope", "12345", "--db", dsn},
		{"stats", "--format", "xml", "--db", dsn}, {"nosuch"}, {"stats", "extra", "--db", dsn},
	} {
		if code, _, _ := hz(t, "", args...); code != 2 {
			t.Errorf("hezuo %v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := hz(t, "", "stats", "--help"); code != 0 && out == "" {
		t.Errorf("--help exit %d", code)
	}
	en := mustRun(t, "stats", "--db", dsn, "--as-of", "2022-06-08", "--lang", "en")
	if !strings.Contains(en, "organizations: 168") {
		t.Errorf("English stats: %s", en)
	}
	zh := mustRun(t, "stats", "--db", dsn, "--as-of", "2022-06-08")
	if !strings.Contains(zh, "农民专业合作组织 168 个") {
		t.Errorf("Chinese stats: %s", zh)
	}
}
