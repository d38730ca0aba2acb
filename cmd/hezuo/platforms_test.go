package main

import (
	"encoding/json"
	"strings"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestPlatformCommands runs the platforms' commands on the demo county:
// smaller cumulative figures on an earlier day, the overdue list, the
// loans, a year's subsidies and the priority queue, in both languages and
// as JSON.
func TestPlatformCommands(t *testing.T) {
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn)
	figures := func(day string) map[string]any {
		var m map[string]any
		if err := json.Unmarshal([]byte(mustRun(t, "stats", "--db", dsn, "--as-of", day, "--format", "json")), &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	early, seed := figures("2016-01-01"), figures("2022-06-08")
	for _, path := range []string{"assistance.units", "assistance.orgs_assisted", "assistance.households_paired",
		"assistance.people_out_of_poverty", "loans.count", "loans.total_fen", "loans.to_cooperatives_fen",
		"training.sessions", "training.attendances", "training.people"} {
		e, _ := lookupPath(early, path)
		s, _ := lookupPath(seed, path)
		if e.(float64) <= 0 || e.(float64) >= s.(float64) {
			t.Errorf("%s: %v on 2016-01-01, %v on the seed day: want smaller, not zero", path, e, s)
		}
	}

	var overdue []struct {
		PartyOrg string `json:"party_org"`
		Kind     string `json:"kind"`
		Township string `json:"township"`
		Reason   string `json:"reason"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "overdue", "--db", dsn, "--as-of", "2022-06-08", "--format", "json")), &overdue); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, o := range overdue {
		kinds[o.Kind]++
		if o.PartyOrg == "" || len(o.Township) != 9 || o.Reason == "" {
			t.Errorf("overdue item %+v", o)
		}
	}
	for _, k := range []string{"theme_day", "members_meeting", "joint_meeting", "life_meeting", "group_meeting", "contact_visit", "commitment", "fulfilment"} {
		if kinds[k] == 0 {
			t.Errorf("no overdue %s in the demo: %v", k, kinds)
		}
	}
	if text := mustRun(t, "overdue", "--db", dsn, "--as-of", "2022-06-08", "--scope", "222424103"); !strings.Contains(text, "罗子沟镇") ||
		strings.Contains(text, "汪清镇（") || !strings.Contains(text, "其中双重组织生活") {
		t.Errorf("overdue in 罗子沟镇:\n%s", text)
	}

	list := mustRun(t, "loans", "--db", dsn, "--as-of", "2022-06-08")
	if !strings.Contains(list, "已发放 155 笔，合计 22,750,000.00 元，其中用于合作组织发展 11,360,000.00 元") ||
		!strings.Contains(list, "李亚今") || !strings.Contains(list, "逾期 4 笔") || !strings.Contains(list, "第十九条") {
		t.Errorf("loans list:\n%s", list[max(0, len(list)-600):])
	}
	var items []struct {
		Borrower string `json:"borrower"`
		Status   string `json:"status"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "loans", "list", "--db", dsn, "--as-of", "2022-06-08", "--format", "json")), &items); err != nil || len(items) != 174 {
		t.Fatalf("loans JSON: %d items, %v", len(items), err)
	}
	for _, it := range items {
		if it.Borrower != "" && !strings.Contains(it.Borrower, "********") {
			t.Errorf("borrower's ID number not masked: %q", it.Borrower)
		}
	}

	var subs struct {
		Year     int   `json:"year"`
		DayBasis int   `json:"day_basis"`
		TotalFen int64 `json:"total_fen"`
		Loans    []struct {
			SubsidyFen int64    `json:"subsidy_fen"`
			Reasons    []string `json:"reasons"`
		} `json:"loans"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "loans", "subsidy", "--year", "2021", "--db", dsn, "--as-of", "2022-06-08", "--format", "json", "--lang", "en")), &subs); err != nil {
		t.Fatal(err)
	}
	if subs.Year != 2021 || subs.DayBasis != 360 || len(subs.Loans) == 0 || subs.TotalFen <= 0 || !strings.Contains(subs.Loans[0].Reasons[0], "subsidy rate") {
		t.Errorf("subsidies of 2021: %+v", subs)
	}

	queue := mustRun(t, "loans", "queue", "--db", dsn, "--as-of", "2022-06-08", "--lang", "en")
	if !strings.Contains(queue, "14 applications waiting") || !strings.Contains(queue, "★") || !strings.Contains(queue, "not a priority") {
		t.Errorf("queue:\n%s", queue)
	}
	if code, _, _ := hz(t, "", "loans", "bogus", "--db", dsn); code != 2 {
		t.Errorf("loans bogus: exit %d, want 2", code)
	}
}
