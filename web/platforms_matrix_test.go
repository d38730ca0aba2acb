package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"hezuo"
)

// poB is the party branch of orgB (town B).
const poB = "B-WQ-HZ-009"

// matrixPlatforms checks the institutions, training and development
// endpoints role by role (a row of TestScopeMatrix): town B's meetings and
// a training held in town B for town B's orgs are seen only by those who
// reach them, scopes outside answer 403, and only writers with reach
// record meetings and trainings.
func matrixPlatforms(t *testing.T, a *app, c *client, user string, orgs map[string]bool) {
	ctx := context.Background()
	seesB := orgs[orgB]
	var list struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	if st := c.getJSON("/api/meetings?party_org="+poB, &list); st != http.StatusOK || (list.Total > 0) != seesB {
		t.Errorf("%s: GET /api/meetings of %s: %d, %d items", user, poB, st, list.Total)
	}
	var mid int64
	a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(m.id) FROM meetings m JOIN party_orgs p ON p.id = m.party_org_id WHERE p.no = ?`), poB).Scan(&mid)
	want := http.StatusNotFound
	if seesB {
		want = http.StatusOK
	}
	if st, _ := c.get(fmt.Sprintf("/institutions/meetings/%d", mid)); st != want {
		t.Errorf("%s: meeting of %s: %d, want %d", user, poB, st, want)
	}
	// A training held in town B, attended by nobody of town A or of a 农机 org.
	var tid int64
	a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(t.id) FROM trainings t WHERE t.place LIKE '222424103%' AND NOT EXISTS (
		SELECT 1 FROM training_attendances x JOIN orgs o ON o.id = x.org_id WHERE x.training_id = t.id
		AND (o.village LIKE '222424102%' OR o.industry = '农机'))`)).Scan(&tid)
	if tid == 0 {
		t.Fatal("no training of town B only")
	}
	want = http.StatusNotFound
	if user == "admin" || user == "auditor" || user == "townB" {
		want = http.StatusOK
	}
	if st := c.getJSON(fmt.Sprintf("/api/trainings/%d", tid), nil); st != want {
		t.Errorf("%s: GET /api/trainings/%d: %d, want %d", user, tid, st, want)
	}
	if st, _ := c.get(fmt.Sprintf("/trainings/%d", tid)); st != want {
		t.Errorf("%s: GET /trainings/%d: %d, want %d", user, tid, st, want)
	}
	// Lists narrowed, foreign scopes refused.
	var ov struct {
		Items []struct {
			Orgs []string `json:"orgs"`
		} `json:"items"`
	}
	if st := c.getJSON("/api/overdue", &ov); st != http.StatusOK {
		t.Errorf("%s: GET /api/overdue: %d", user, st)
	}
	if user == "secretary" || user == "instructor" {
		for _, o := range ov.Items {
			hit := false
			for _, org := range o.Orgs {
				hit = hit || orgs[org]
			}
			if !hit {
				t.Errorf("%s sees overdue items of %v", user, o.Orgs)
			}
		}
	}
	if user == "townA" {
		for _, path := range []string{"/api/meetings?scope=" + townB, "/api/overdue?scope=" + townB, "/api/trainings?scope=" + townB,
			"/api/development?scope=" + townB, "/institutions?scope=" + townB, "/trainings?scope=" + townB, "/development?scope=" + townB} {
			if st, _ := c.get(path); st != http.StatusForbidden {
				t.Errorf("GET %s: %d, want 403", path, st)
			}
		}
	}
	var dev struct {
		People []struct {
			PersonID int64 `json:"person_id"`
		} `json:"people"`
	}
	if st := c.getJSON("/api/development", &dev); st != http.StatusOK {
		t.Errorf("%s: GET /api/development: %d", user, st)
	}
	if user == "secretary" {
		// The secretary's figures are its org's.
		var s hezuo.Stats
		c.getJSON("/api/stats", &s)
		att := a.count(t, `SELECT count(*) FROM training_attendances x JOIN orgs o ON o.id = x.org_id WHERE o.org_no = ?`, orgSec)
		loans := a.count(t, `SELECT count(*) FROM loans l JOIN orgs o ON o.id = l.org_id WHERE o.org_no = ? AND l.disbursed_on IS NOT NULL`, orgSec)
		if s.Training.Attendances != att || att == 0 || s.Loans.Count != loans {
			t.Errorf("secretary stats: training %+v (want %d attendances), loans %d (want %d)", s.Training, att, s.Loans.Count, loans)
		}
	}
	// Writes.
	writer := user == "admin" || user == "townA" || user == "townB"
	today := hezuo.Today(hezuo.China).String()
	st, body := c.postJSON("/api/meetings", map[string]any{"party_org": poB, "kind": hezuo.MeetingThemeDay, "held_on": today, "topic": "矩阵测试"})
	want = http.StatusCreated
	switch {
	case !writer:
		want = http.StatusForbidden
	case !seesB:
		want = http.StatusNotFound
	}
	if st != want {
		t.Errorf("%s: POST /api/meetings for %s: %d, want %d (%.200s)", user, poB, st, want, body)
	}
	st, body = c.postJSON("/api/trainings", map[string]any{"no": "MX-" + user, "held_on": today, "topic": "矩阵测试", "organizer": "WQ-DW-01",
		"mode": hezuo.ModeOnSite, "hours": 2, "place": townB})
	switch {
	case !writer:
		want = http.StatusForbidden
	case !seesB:
		want = http.StatusUnprocessableEntity // the place lies outside town A
	}
	if st != want {
		t.Errorf("%s: POST /api/trainings in town B: %d, want %d (%.200s)", user, st, want, body)
	}
}
