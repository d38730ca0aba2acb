package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestStoredBadRecords: records stored before today's bounds (or by SQL by
// hand) — a name of 5,000 characters with control characters and markup,
// amounts that overflow any sum, a count past int64's half, a date in year
// 1 — never take a page, export, API answer or the statistics down: they
// are shown, and the edit form repairs them (issue 16).
func TestStoredBadRecords(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		bad := strings.Repeat("坏", 5000) + "\x07\x1b<script>alert(1)</script>\u202e"
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := a.db.ExecContext(ctx, a.db.Rebind(q), args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		exec(`UPDATE orgs SET name = ?, households_driven = 2147483647 WHERE org_no = ?`, bad, orgB)
		exec(`UPDATE orgs SET households_driven = 2147483647 WHERE org_no = ?`, orgDept)
		exec(`UPDATE loans SET amount_fen = 9223372036854775807 WHERE id IN (SELECT id FROM loans ORDER BY id LIMIT 3)`)
		exec(`UPDATE people SET name = ? WHERE id IN (SELECT id FROM people ORDER BY id LIMIT 1)`, bad)
		var loanNo string
		var personID int64
		if err := a.db.QueryRowContext(ctx, `SELECT no FROM loans ORDER BY id LIMIT 1`).Scan(&loanNo); err != nil {
			t.Fatal(err)
		}
		if err := a.db.QueryRowContext(ctx, `SELECT id FROM people ORDER BY id LIMIT 1`).Scan(&personID); err != nil {
			t.Fatal(err)
		}
		admin := a.login(t, "admin")
		pages := []string{"/", "/todo", "/orgs", "/orgs?q=" + url.QueryEscape("坏"), "/orgs/" + orgB, "/orgs/" + orgB + "/edit",
			"/people", "/people/" + itoa(personID), "/people/" + itoa(personID) + "/edit", "/loans", "/loans/" + loanNo, "/loans/queue",
			"/loans/subsidies", "/assistance", "/trainings", "/institutions", "/check", "/report", "/report.md", "/report.html",
			"/orgs.xlsx", "/people.xlsx", "/loans.xlsx", "/trainings.xlsx", "/assistance.xlsx", "/check.xlsx", "/loans/subsidies.xlsx",
			"/api/stats", "/api/check", "/api/orgs", "/api/orgs/" + orgB, "/api/people?org_id=" + orgB, "/api/loans", "/api/trainings",
			"/api/loans/" + loanNo, "/api/loans/subsidies"}
		for _, p := range pages {
			code, body := admin.get(p)
			if code != 200 {
				t.Errorf("GET %s: %d %.300s", p, code, body)
			}
			if !strings.HasPrefix(p, "/api/") && strings.Contains(body, "<script>alert(1)") {
				t.Errorf("GET %s: the stored markup is not escaped", p)
			}
		}
		// The org page shows the bad name (escaped), so it can be found and repaired.
		if _, body := admin.get("/orgs/" + orgB); !strings.Contains(body, "坏坏坏") {
			t.Error("the org page does not show the stored name")
		}
		// Repaired through its edit form: saved as it is, the bad name and
		// count are refused beside their fields; corrected, it saves.
		_, body := admin.get("/orgs/" + orgB + "/edit")
		form := htmlFormValues(body)
		form.Set("csrf", admin.csrf)
		if st, body := admin.postForm("/orgs/"+orgB+"/edit", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["name"] == "" {
			t.Errorf("saving the bad record as it is: %d, errors %v", st, fieldErrors(body))
		}
		form.Set("name", "罗子沟黄牛养殖专业合作社")
		form.Set("households_driven", "120")
		if st, body := admin.postForm("/orgs/"+orgB+"/edit", form); st != http.StatusSeeOther {
			t.Errorf("the repaired record: %d %v", st, fieldErrors(body))
		}
	})
}
