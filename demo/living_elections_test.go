package demo

import (
	"context"
	"slices"
	"strings"
	"testing"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// termExpired counts the check rows with a warning of the term rule
// (换届到期).
func termExpired(rows []hezuo.CheckRow) (n int, orgs []string) {
	for _, r := range rows {
		for _, w := range r.Warnings {
			if w.Rule == rules.RuleTerm || strings.HasPrefix(w.Rule, "term_years_") {
				n++
				orgs = append(orgs, r.OrgNo)
				break
			}
		}
	}
	return n, orgs
}

// TestLivingElections loads the county living to livingDay: its party
// organizations were re-elected after the seed day, so on livingDay only a
// handful of orgs show their term expired, while the seed day's count is
// the seed's (a few, kept on purpose) and every party organization's
// elections are dated, ElectedOn the latest.
func TestLivingElections(t *testing.T) {
	ctx := context.Background()
	live := County(livingDay)
	reelected := 0
	for _, p := range live.PartyOrgs {
		if err := p.Validate(); err != nil {
			t.Fatal(err)
		}
		days := p.ElectionDays()
		if len(days) > 1 {
			reelected++
		}
		for i, d := range days {
			if i > 0 && !d.After(seedDay) {
				t.Errorf("%s: election on %s, on or before the seed day", p.No, d)
			}
			if d.After(livingDay) {
				t.Errorf("%s: election on %s, after today", p.No, d)
			}
		}
	}
	if reelected < 100 {
		t.Errorf("%d party organizations re-elected after the seed day, want most", reelected)
	}
	db, err := sqldb.Open(ctx, dbtest.SQLite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Load(ctx, live, livingDay); err != nil {
		t.Fatal(err)
	}
	// The database holds every election: a dump gives them back.
	dumped, err := db.Dump(ctx, hezuo.AllScope)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]hezuo.Date{}
	for _, p := range live.PartyOrgs {
		want[p.No] = p.ElectionDays()
	}
	for _, p := range dumped.PartyOrgs {
		if got := p.ElectionDays(); !slices.EqualFunc(got, want[p.No], hezuo.Date.Equal) {
			t.Errorf("%s: elections %v in the database, %v in the dataset", p.No, got, want[p.No])
		}
	}
	count := func(day hezuo.Date) (int, []string) {
		rows, err := db.Check(ctx, hezuo.AllScope, day)
		if err != nil {
			t.Fatal(err)
		}
		return termExpired(rows)
	}
	seedN, _ := count(seedDay)
	if seedN == 0 || seedN > 10 {
		t.Errorf("%d orgs with their term expired on the seed day, want the seed's few", seedN)
	}
	n, orgs := count(livingDay)
	if n < 1 || n > 10 {
		t.Errorf("%d orgs with their term expired on %s, want a realistic handful (1–10): %v", n, livingDay, orgs)
	}
	t.Logf("term expired: %d orgs on %s, %d on %s %v; %d party organizations re-elected", seedN, seedDay, n, livingDay, orgs, reelected)
}
