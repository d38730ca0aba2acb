package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestDevelopmentCommand runs `hezuo development` on the demo county, as
// JSON and text in both languages, for the whole store and the county, on
// SQLite and (with HEZUO_TEST_POSTGRES) PostgreSQL, the two in parallel.
func TestDevelopmentCommand(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			t.Parallel()
			testDevelopment(t, d.DSN)
		})
	}
}

func testDevelopment(t *testing.T, dsn string) {
	copyDemo(t, dsn)
	var rep struct {
		AsOf string `json:"as_of"`
		Orgs []struct {
			OrgNo string `json:"org_id"`
			Items []struct {
				IDNumber string `json:"id_number"`
				State    string `json:"state"`
				Step     string `json:"step"`
				Reason   struct {
					ZH string `json:"zh"`
					EN string `json:"en"`
				} `json:"reason"`
			} `json:"items"`
		} `json:"orgs"`
		Instructors []struct {
			Orgs         []string `json:"orgs"`
			Activists    int      `json:"activists"`
			Candidates   int      `json:"candidates"`
			Probationary int      `json:"probationary"`
			Converted    int      `json:"converted"`
		} `json:"instructors"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "development", "--db", dsn, "--as-of", "2022-06-08", "--format", "json")), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.AsOf != "2022-06-08" || len(rep.Orgs) == 0 || len(rep.Instructors) == 0 {
		t.Fatalf("report %+v", rep)
	}
	achieved := 0
	for _, o := range rep.Orgs {
		for _, it := range o.Items {
			if !strings.Contains(it.IDNumber, "*") || it.State == "" || it.Step == "" || it.Reason.ZH == "" || it.Reason.EN == "" {
				t.Errorf("%s: item %+v", o.OrgNo, it)
			}
		}
	}
	for _, a := range rep.Instructors {
		achieved += a.Activists + a.Candidates + a.Probationary + a.Converted
		if len(a.Orgs) == 0 {
			t.Errorf("instructor without orgs %+v", a)
		}
	}
	if achieved == 0 {
		t.Error("no instructor's orgs achieved anything")
	}
	zh := mustRun(t, "development", "--db", dsn, "--as-of", "2022-06-08")
	if !strings.Contains(zh, "截止 2022-06-08") || !strings.Contains(zh, "指导员") {
		t.Errorf("text report:\n%s", zh)
	}
	en := mustRun(t, "development", "--db", dsn, "--as-of", "2022-06-08", "--scope", "222424", "--lang", "en")
	if !strings.Contains(en, "As of 2022-06-08") || !strings.Contains(en, "Instructors") {
		t.Errorf("English report:\n%s", en)
	}
}

// TestPlatformImportExport exports the demo's loans, trainings, attendances
// and pairings with `hezuo export` and imports them back: nothing changes.
func TestPlatformImportExport(t *testing.T) {
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn)
	for _, kind := range []string{"loans", "trainings", "attendances", "pairings", "unit-pairings"} {
		path := filepath.Join(t.TempDir(), kind+".xlsx")
		mustRun(t, "export", kind, path, "--db", dsn)
		out := mustRun(t, "import", kind, path, "--db", dsn)
		if !strings.Contains(out, "新增 0") && !strings.Contains(out, "0 new") {
			t.Errorf("%s re-import:\n%s", kind, out)
		}
	}
}
