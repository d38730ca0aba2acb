package main

import (
	"encoding/json"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestGenCounty generates the county scale on each database: the same seed
// gives the same figures everywhere, and the data has the promised shape.
func TestGenCounty(t *testing.T) {
	var first string
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			mustRun(t, "gen", "--scale", "county", "--seed", "7", "--db", d.DSN)
			out := mustRun(t, "stats", "--db", d.DSN, "--as-of", "2026-06-30", "--format", "json")
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("the same seed gave different figures on %s", d.Name)
			}
			var s struct {
				Orgs       struct{ Total int }
				AllMembers int `json:"all_members"`
				Talent     struct {
					PartyMembers int `json:"party_members"`
				}
				PartyOrgs struct {
					Branches      int
					JointBranches int `json:"joint_branches"`
				} `json:"party_orgs"`
				Coverage struct{ Uncovered int }
			}
			if err := json.Unmarshal([]byte(out), &s); err != nil {
				t.Fatal(err)
			}
			share := float64(s.Talent.PartyMembers) / float64(s.AllMembers)
			if s.Orgs.Total != 200 || s.AllMembers < 15000 || share < 0.025 || share > 0.06 ||
				s.PartyOrgs.Branches == 0 || s.PartyOrgs.JointBranches == 0 || s.Coverage.Uncovered == 0 {
				t.Errorf("unexpected shape: %s", out)
			}
			if code, _, _ := hz(t, "", "gen", "--scale", "county", "--db", d.DSN); code != 1 {
				t.Errorf("gen into a non-empty database: exit %d, want 1", code)
			}
		})
	}
}
