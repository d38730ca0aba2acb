package sqldb

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/rules"
)

// termWarned returns the orgs whose check on day warns that a term has run
// out (换届到期), directly from the records and from the summaries.
func termWarned(t *testing.T, db *DB, day hezuo.Date) (direct, summary []string) {
	t.Helper()
	ctx := context.Background()
	pick := func(rows []hezuo.CheckRow) []string {
		out := []string{}
		for _, r := range rows {
			for _, w := range r.Warnings {
				if w.Rule == rules.RuleTerm || strings.HasPrefix(w.Rule, "term_years_") {
					out = append(out, r.OrgNo)
					break
				}
			}
		}
		slices.Sort(out)
		return out
	}
	rows, _, err := db.check(ctx, hezuo.AllScope, day)
	if err != nil {
		t.Fatal(err)
	}
	srows, err := db.checkSummary(ctx, hezuo.AllScope, day)
	if err != nil {
		t.Fatal(err)
	}
	return pick(rows), pick(srows)
}

// TestElections: the joint branch JX of the rich fixture (elected
// 2018-06-01 for three years, covering F, C and E) is 换届到期 from
// 2021-06-01. Registering its re-election on 2021-07-01 ends the warning
// from that day on, and only from it: before, the term still ran out, in
// the direct check and in the summaries alike. The write is scoped,
// validated and audited; a dataset stating an earlier latest election
// drops the later ones.
func TestElections(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		d := hezuo.MustDate
		ds := richFixture()
		if err := db.Load(ctx, ds, fxDay); err != nil {
			t.Fatal(err)
		}
		expect := func(day string, want ...string) {
			t.Helper()
			direct, summary := termWarned(t, db, d(day))
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(direct, want) || !slices.Equal(summary, want) {
				t.Errorf("term expired on %s: direct %v, summaries %v, want %v", day, direct, summary, want)
			}
		}
		expect("2021-05-31")
		expect("2021-06-01", "C", "E", "F")
		expect("2021-06-30", "C", "E", "F")
		expect("2021-07-01", "C", "E", "F")

		admin := &hezuo.Access{User: "admin", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: fxCounty}}
		townA := &hezuo.Access{User: "town", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownA}}
		rec, err := db.PartyOrgForEdit(ctx, admin, "JX", hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Elections) != 1 || !rec.Elections[0].On.Equal(d("2018-06-01")) {
			t.Fatalf("elections of JX as loaded: %+v", rec.Elections)
		}
		now := time.Date(2024, 6, 30, 9, 0, 0, 0, time.UTC)
		code := func(err error) string {
			var he *hezuo.Error
			if errors.As(err, &he) {
				return he.Code
			}
			return ""
		}
		for _, c := range []struct {
			name string
			a    *hezuo.Access
			e    hezuo.Election
			v    int
			want string
		}{
			{"outside the scope", townA, hezuo.Election{On: d("2021-07-01")}, rec.Version, hezuo.ENOTFOUND},
			{"before it was founded", admin, hezuo.Election{On: d("2017-01-01")}, rec.Version, hezuo.EINVALID},
			{"after it ended", admin, hezuo.Election{On: d("2023-03-01")}, rec.Version, hezuo.EINVALID},
			{"after today", admin, hezuo.Election{On: hezuo.Today(hezuo.China).AddDays(3)}, rec.Version, hezuo.EINVALID},
			{"already recorded", admin, hezuo.Election{On: d("2018-06-01")}, rec.Version, hezuo.ECONFLICT},
			{"stale version", admin, hezuo.Election{On: d("2021-07-01")}, rec.Version - 1, hezuo.ECONFLICT},
			{"no day", admin, hezuo.Election{}, rec.Version, hezuo.EINVALID},
		} {
			if _, err := db.RegisterElection(ctx, c.a, "JX", c.e, c.v, now); code(err) != c.want {
				t.Errorf("%s: %v, want %s", c.name, err, c.want)
			}
		}
		expect("2021-07-01", "C", "E", "F") // nothing written

		v, err := db.RegisterElection(ctx, admin, "JX", hezuo.Election{On: d("2021-07-01"), Note: "选举产生新一届支部委员会"}, rec.Version, now)
		if err != nil {
			t.Fatal(err)
		}
		if v != rec.Version+1 {
			t.Errorf("version %d after the election, want %d", v, rec.Version+1)
		}
		after, err := db.PartyOrgForEdit(ctx, admin, "JX", hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		if !after.ElectedOn.Equal(d("2021-07-01")) || len(after.Elections) != 2 || after.Elections[1].Note != "选举产生新一届支部委员会" {
			t.Errorf("JX after its election: elected on %s, elections %+v", after.ElectedOn, after.Elections)
		}
		var audited int
		if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM audit_log WHERE entity = 'party_org' AND entity_key = 'JX'
			AND action = ? AND note = ?`), hezuo.ActionUpdate, "换届 2021-07-01").Scan(&audited); err != nil || audited != 1 {
			t.Errorf("%d audit entries of the election (%v)", audited, err)
		}
		expect("2021-05-31")
		expect("2021-06-01", "C", "E", "F")
		expect("2021-06-30", "C", "E", "F")
		expect("2021-07-01")
		expect("2022-06-01")
		r := rand.New(rand.NewPCG(18, 6))
		assertSummaries(t, db, r, 6, hezuo.AllScope, d("2021-06-30"), hezuo.AllScope, d("2021-07-01"),
			hezuo.Scope{Prefix: fxTownB}, d("2021-07-02"))

		// An earlier election filling in the history changes the past: the
		// term it opened ran until 2022-01-10.
		if _, err := db.RegisterElection(ctx, admin, "JX", hezuo.Election{On: d("2019-01-10")}, v, now); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.PartyOrgForEdit(ctx, admin, "JX", hezuo.Today(hezuo.China)); !got.ElectedOn.Equal(d("2021-07-01")) || len(got.Elections) != 3 {
			t.Errorf("after an earlier election: elected on %s, elections %+v", got.ElectedOn, got.Elections)
		}
		expect("2021-06-01")
		expect("2021-07-01")

		// A dataset saying the latest election is the first drops the later ones.
		var jx hezuo.PartyOrg
		for _, p := range ds.PartyOrgs {
			if p.No == "JX" {
				jx = p
			}
		}
		if err := db.Load(ctx, &hezuo.Dataset{PartyOrgs: []hezuo.PartyOrg{jx}}, fxDay); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.PartyOrgForEdit(ctx, admin, "JX", hezuo.Today(hezuo.China)); len(got.Elections) != 1 {
			t.Errorf("after loading the first election as the latest: %+v", got.Elections)
		}
		expect("2021-07-01", "C", "E", "F")
		// And one listing its elections loads them all.
		jx.ElectedOn = d("2021-06-20")
		jx.Elections = []hezuo.Election{{On: d("2018-06-01")}, {On: d("2021-06-20"), Note: "按期换届"}}
		if err := db.Load(ctx, &hezuo.Dataset{PartyOrgs: []hezuo.PartyOrg{jx}}, fxDay); err != nil {
			t.Fatal(err)
		}
		expect("2021-06-19", "C", "E", "F")
		expect("2021-06-20")
		assertSummaries(t, db, r, 6, hezuo.AllScope, d("2021-06-19"), hezuo.AllScope, d("2021-06-20"))

		// The edit form's 最近换届日期 set later adds an election.
		rec, err = db.PartyOrgForEdit(ctx, admin, "JX", hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		p := rec.PartyOrg
		p.Elections, p.ElectedOn = nil, d("2022-01-05") // as the form gives it
		p.JointKind = hezuo.JointCrossVill
		if _, err := db.SavePartyOrg(ctx, admin, &p, rec.Version, hezuo.Date{}, now); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.PartyOrgForEdit(ctx, admin, "JX", hezuo.Today(hezuo.China)); len(got.Elections) != 3 || got.Elections[1].Note != "按期换届" {
			t.Errorf("after the form's later election: %+v", got.Elections)
		}
		expect("2024-06-19") // JX ended 2023-03-01
		expect("2021-06-20")
		assertSummaries(t, db, r, 4, hezuo.AllScope, d("2022-01-05"), hezuo.AllScope, d("2022-01-04"))
	})
}
