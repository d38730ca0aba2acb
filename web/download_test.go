package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"hezuo"
)

// TestListDownloads proves the .xlsx downloads hold what the list selects:
// every page of it, inside the user's scope, with its filters, people
// masked; and that a scope outside the user's is refused.
func TestListDownloads(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		admin, tA := a.login(t, "admin"), a.login(t, "townA")
		get := func(c *client, path string) [][]string {
			t.Helper()
			st, h, b := c.raw(path)
			if st != http.StatusOK || h.Get("Content-Type") != xlsxType || !strings.HasPrefix(h.Get("Content-Disposition"), "attachment") {
				t.Fatalf("GET %s: %d %s %.300s", path, st, h.Get("Content-Type"), b)
			}
			return xlsxRows(t, b)
		}
		var list struct{ Total int }
		admin.getJSON("/api/orgs", &list)
		if rows := get(admin, "/orgs.xlsx"); len(rows)-1 != list.Total || rows[0][0] != "组织编号" {
			t.Errorf("admin orgs: %d rows, list %d; header %v", len(rows)-1, list.Total, rows[0])
		}
		tA.getJSON("/api/orgs", &list)
		rows := get(tA, "/orgs.xlsx")
		if len(rows)-1 != list.Total || list.Total == 0 {
			t.Errorf("townA orgs: %d rows, list %d", len(rows)-1, list.Total)
		}
		for _, r := range rows[1:] {
			if !strings.HasPrefix(r[4], townA) {
				t.Errorf("townA's download holds %v", r)
			}
		}
		// Filters apply: a search for one org gives one row.
		if rows := get(admin, "/orgs.xlsx?q="+orgB); len(rows) != 2 || rows[1][0] != orgB {
			t.Errorf("orgs?q=%s: %v", orgB, rows)
		}
		if rows := get(admin, "/orgs.xlsx?scope="+townB+"&kind=cooperative"); len(rows) < 2 {
			t.Errorf("town B cooperatives: %v", rows)
		} else {
			for _, r := range rows[1:] {
				if !strings.HasPrefix(r[4], townB) || r[2] != "合作社" {
					t.Errorf("town B cooperatives hold %v", r)
				}
			}
		}
		for _, path := range []string{"/orgs.xlsx?scope=" + townB, "/check.xlsx?scope=" + townB, "/divisions.xlsx?scope=" + townB, "/partyorgs.xlsx?scope=" + townB} {
			if st, _, _ := tA.raw(path); st != http.StatusForbidden {
				t.Errorf("townA GET %s: %d, want 403", path, st)
			}
		}
		// People: masked for every role, the whole scope's list.
		var people struct{ Total int }
		tA.getJSON("/api/people", &people)
		rows = get(tA, "/people.xlsx")
		if len(rows)-1 != people.Total || people.Total <= downloadPer/10 {
			t.Errorf("townA people: %d rows, list %d", len(rows)-1, people.Total)
		}
		for _, r := range rows[1:] {
			if !strings.Contains(r[1], "********") {
				t.Fatalf("unmasked ID number in %v", r)
			}
		}
		// A province's user: the list's count stops at its cap (issue 7),
		// shown "N+"; a download past its bound is refused without
		// counting everyone, one within it holds everyone.
		if err := a.db.CreateUser(context.Background(), &hezuo.User{Name: "province", Role: hezuo.RoleCountyAdmin, Scope: "22"}, pw, time.Now()); err != nil {
			t.Fatal(err)
		}
		prov := a.login(t, "province")
		var wide, all struct {
			Total       int
			TotalCapped bool `json:"total_capped"`
		}
		admin.getJSON("/api/people", &all)
		if all.Total <= hezuo.PeopleCountCap || all.TotalCapped {
			t.Fatalf("the county's people: %+v, want more than %d, exact", all, hezuo.PeopleCountCap)
		}
		if prov.getJSON("/api/people", &wide); wide.Total != hezuo.PeopleCountCap || !wide.TotalCapped {
			t.Errorf("the province's people: %+v, want %d capped", wide, hezuo.PeopleCountCap)
		}
		if _, body := prov.get("/people"); !strings.Contains(body, fmt.Sprintf(`<b id="total">%d+</b>`, hezuo.PeopleCountCap)) {
			t.Errorf("the province's people page does not show %d+", hezuo.PeopleCountCap)
		}
		if _, body := admin.get("/people"); !strings.Contains(body, fmt.Sprintf(`<b id="total">%d</b>`, all.Total)) {
			t.Errorf("the county's people page does not show %d", all.Total)
		}
		func() {
			defer func(n int) { maxDownloadRows = n }(maxDownloadRows)
			maxDownloadRows = all.Total - 1
			if st, _, b := prov.raw("/people.xlsx"); st != http.StatusUnprocessableEntity || !strings.Contains(string(b), "超过下载上限") {
				t.Errorf("the province's download past the bound: %d %.200s", st, b)
			}
		}()
		if rows := get(prov, "/people.xlsx"); len(rows)-1 != all.Total {
			t.Errorf("the province's download: %d rows, want %d", len(rows)-1, all.Total)
		}
		sec := a.login(t, "secretary")
		sec.getJSON("/api/people", &people)
		if rows := get(sec, "/people.xlsx"); len(rows)-1 != people.Total || people.Total == 0 {
			t.Errorf("secretary people: %d rows, list %d", len(rows)-1, people.Total)
		}
		if st, _, _ := sec.raw("/people.xlsx?org_id=" + orgB); st != http.StatusNotFound {
			t.Errorf("secretary downloads town B's org's people: %d, want 404 as on the page", st)
		}
		// The smaller registries and the check.
		for _, path := range []string{"/partyorgs.xlsx", "/instructors.xlsx", "/divisions.xlsx", "/check.xlsx?status=all"} {
			if rows := get(tA, path); len(rows) < 2 {
				t.Errorf("townA %s: %v", path, rows)
			}
		}
		if rows := get(tA, "/divisions.xlsx"); !strings.HasPrefix(rows[1][0], townA) || rows[1][2] != "乡镇" {
			t.Errorf("townA divisions start with %v", rows[1])
		}
		var check []map[string]any
		tA.getJSON("/api/check", &check)
		if rows := get(tA, "/check.xlsx"); len(rows)-1 != len(check) {
			t.Errorf("townA check: %d rows, API %d", len(rows)-1, len(check))
		}
		uncovered := 0
		for _, r := range check {
			if r["status"] == "uncovered" {
				uncovered++
			}
		}
		if rows := get(tA, "/check.xlsx?status=uncovered"); len(rows)-1 != uncovered {
			t.Errorf("uncovered: %d rows, want %d", len(rows)-1, uncovered)
		}
		// The list pages link their downloads with the current filters.
		if _, body := admin.get("/orgs?kind=cooperative&page=2"); !strings.Contains(body, `href="/orgs.xlsx?kind=cooperative"`) {
			t.Errorf("orgs page has no download link with its filters")
		}
	})
}
