package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// planDataset is a small county: in township A (with its committee T-A)
// four unregistered orgs needing a group or joint branch (2, 1, 1 full
// members and one with only a probationary member), an org with no party
// members and an instructor; in township B one org with one full member.
func planDataset() *hezuo.Dataset {
	const county, townA, townB = "220999", "220999100", "220999101"
	d := hezuo.MustDate
	ds := &hezuo.Dataset{Divisions: []hezuo.Division{
		{Code: county, Name: "测试县"}, {Code: townA, Name: "甲镇"}, {Code: townB, Name: "乙乡"},
		{Code: townA + "201", Name: "东村"}, {Code: townA + "202", Name: "西村"}, {Code: townB + "201", Name: "南村"},
	}}
	n := 0
	person := func(village string) string {
		n++
		id := hezuo.MakeIDNumber(county, hezuo.DateOf(1970+n, time.Month(1+n%12), 1+n), n)
		ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("人员%d", n), Village: village})
		return id
	}
	org := func(no, village, industry string, full, prob int) {
		ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: no, Name: industry + "协会" + no, Kind: hezuo.KindAssociation,
			Village: village, Industry: industry, Founded: d("2020-01-01")})
		for i := 0; i < full+prob+1; i++ {
			id := person(village)
			ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: no, Period: hezuo.Period{From: d("2020-02-01")}})
			if i < full+prob {
				status := hezuo.StatusFull
				if i >= full {
					status = hezuo.StatusProbationary
				}
				ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: status, Period: hezuo.Period{From: d("2020-03-01")}})
			}
		}
	}
	org("P1", townA+"201", "蔬菜", 2, 0)
	org("P2", townA+"201", "蔬菜", 1, 0)
	org("P3", townA+"202", "蔬菜", 0, 1)
	org("P4", townA+"202", "养殖", 1, 0)
	org("Z1", townA+"202", "养殖", 0, 0)
	org("Q1", townB+"201", "养殖", 1, 0)
	ins := person(townA + "202")
	ds.Instructors = []hezuo.Instructor{{IDNumber: ins, Township: townA}}
	ds.PartyOrgs = []hezuo.PartyOrg{{No: "T-A", Name: "甲镇党委", Form: hezuo.FormTownship, Seat: townA + "000", Period: hezuo.Period{From: d("2018-01-01")}}}
	return ds
}

func TestPlanAcceptCheck(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			db, err := sqldb.Open(context.Background(), d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			err = db.Load(context.Background(), planDataset(), hezuo.Today(hezuo.China))
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			var p struct {
				Branches []struct {
					Orgs     []string `json:"orgs"`
					Full     int      `json:"full_party_members"`
					Township string   `json:"township"`
				} `json:"branches"`
				Unplaced        []string         `json:"unplaced"`
				UnplacedReasons []map[string]any `json:"unplaced_reasons"`
				Created         []map[string]any `json:"created"`
				Dispatches      []map[string]any `json:"dispatches"`
				Unassigned      []string         `json:"unassigned"`
			}
			parse := func(out string) {
				p.Branches, p.Unplaced, p.Created, p.Dispatches = nil, nil, nil, nil
				if err := json.Unmarshal([]byte(out), &p); err != nil {
					t.Fatalf("%v: %s", err, out)
				}
			}
			parse(mustRun(t, "plan", "joint-branches", "--db", d.DSN, "--format", "json"))
			if len(p.Branches) != 1 || strings.Join(p.Branches[0].Orgs, ",") != "P1,P2,P4,P3" || p.Branches[0].Full != 4 ||
				p.Branches[0].Township != "220999100" || strings.Join(p.Unplaced, ",") != "Q1" ||
				!strings.Contains(p.UnplacedReasons[0]["reason"].(string), "仅此一个") {
				t.Fatalf("joint plan: %+v", p)
			}
			en := mustRun(t, "plan", "--lang", "en", "joint-branches", "--db", d.DSN)
			if !strings.Contains(en, "joint branches proposed: 1") || !strings.Contains(en, "party group") {
				t.Errorf("English text: %s", en)
			}
			parse(mustRun(t, "plan", "joint-branches", "--accept", "--db", d.DSN, "--format", "json"))
			if len(p.Created) != 1 || p.Created[0]["manager"] != "T-A" || p.Created[0]["seat"] != "220999100201" {
				t.Fatalf("created: %+v", p.Created)
			}
			parse(mustRun(t, "plan", "instructors", "--db", d.DSN, "--format", "json"))
			if len(p.Dispatches) != 1 || p.Dispatches[0]["org_id"] != "Z1" || p.Dispatches[0]["distance"] != 0.0 {
				t.Fatalf("instructor plan: %+v", p.Dispatches)
			}
			if out := mustRun(t, "plan", "instructors", "--db", d.DSN, "--accept"); !strings.Contains(out, "已派驻") {
				t.Fatalf("instructors --accept: %s", out)
			}
			var rows []hezuo.CheckView
			if err := json.Unmarshal([]byte(mustRun(t, "check", "--db", d.DSN, "--format", "json")), &rows); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{"P1": "joint_branch", "P2": "joint_branch", "P3": "joint_branch", "P4": "joint_branch", "Z1": "instructor", "Q1": "none"}
			for _, r := range rows {
				if r.Actual != want[r.OrgNo] || (r.Status == "ok") == (r.OrgNo == "Q1") {
					t.Errorf("check %s: actual %s status %s", r.OrgNo, r.Actual, r.Status)
				}
			}
			parse(mustRun(t, "plan", "joint-branches", "--db", d.DSN, "--format", "json"))
			if len(p.Branches) != 0 || strings.Join(p.Unplaced, ",") != "Q1" {
				t.Errorf("plan after acceptance: %+v", p)
			}
			if out := mustRun(t, "plan", "joint-branches", "--accept", "--db", d.DSN); !strings.Contains(out, "没有可建立") {
				t.Errorf("nothing to accept: %s", out)
			}
		})
	}
}

func TestPlanUsage(t *testing.T) {
	dsn := dbtest.SQLite(t)
	for _, args := range [][]string{
		{"plan", "--db", dsn}, {"plan", "bogus", "--db", dsn}, {"plan", "joint-branches", "instructors", "--db", dsn},
		{"plan", "joint-branches", "--accept", "--as-of", "2024-01-01", "--db", dsn},
	} {
		if code, _, _ := hz(t, "", args...); code != 2 {
			t.Errorf("hezuo %v: exit %d, want 2", args, code)
		}
	}
	if code, out, errs := hz(t, "", "plan", "--help"); code != 0 || !strings.Contains(out+errs, "joint-branches") {
		t.Errorf("plan --help: exit %d", code)
	}
}
