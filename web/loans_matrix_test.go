package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// matrixLoans are demo loans of three of the matrix's orgs.
var matrixLoans = map[string]string{"WQ-DK-2013-001": orgSec, "WQ-DK-2012-001": orgDept, "WQ-DK-2016-003": orgB}

// matrixFunding checks the loan and assistance pages and API role by role:
// a loan of an org outside the user's reach is 404 on every URL, lists hold
// only what the user reaches, and only county administrators and township
// officers write, inside their scope (writers with reach send a request
// that is refused on its content, so nothing changes for the next role).
func matrixFunding(t *testing.T, c *client, user string, orgs map[string]bool) {
	t.Helper()
	writer := user == "admin" || user == "townA" || user == "townB"
	townOnly := user == "townA" || user == "secretary" || user == "instructor"
	for no, org := range matrixLoans {
		want := http.StatusNotFound
		if orgs[org] {
			want = http.StatusOK
		}
		for _, path := range []string{"/loans/" + no, "/api/loans/" + no} {
			if st, _ := c.get(path); st != want {
				t.Errorf("%s GET %s: %d, want %d", user, path, st, want)
			}
		}
		var hit loanListJSON
		c.getJSON("/api/loans?q="+no, &hit)
		if (hit.Total == 1) != orgs[org] {
			t.Errorf("%s searches %s: %d hits", user, no, hit.Total)
		}
		// Writes: 403 for readers, 404 outside the writer's reach, else
		// refused on content (a repayment before the disbursement, a stale
		// version).
		w := func(ok int) int {
			switch {
			case !writer:
				return http.StatusForbidden
			case !orgs[org]:
				return http.StatusNotFound
			}
			return ok
		}
		if st, _ := c.postForm("/loans/"+no+"/repayments", url.Values{"paid_on": {"2000-01-01"}, "principal": {"1"}}); st != w(http.StatusUnprocessableEntity) {
			t.Errorf("%s repays %s: %d, want %d", user, no, st, w(http.StatusUnprocessableEntity))
		}
		if st, _ := c.postJSON("/api/loans/"+no+"/repayments", map[string]any{"paid_on": "2000-01-01", "principal_fen": 100}); st != w(http.StatusUnprocessableEntity) {
			t.Errorf("%s repays %s by the API: %d, want %d", user, no, st, w(http.StatusUnprocessableEntity))
		}
		if st, _ := c.postForm("/loans/"+no+"/status", url.Values{"action": {"due"}, "on": {"2030-01-01"}, "version": {"999"}}); st != w(http.StatusConflict) {
			t.Errorf("%s changes %s with a stale version: %d, want %d", user, no, st, w(http.StatusConflict))
		}
		body := map[string]any{"no": "M-" + user, "borrower": "222424199001011234", "org_id": org, "amount_fen": 100, "rate_ppm": 43500,
			"term_months": 12, "applied_on": "2022-01-01", "lender": "农行"}
		if st, b := c.postJSON("/api/loans", body); st != w(http.StatusUnprocessableEntity) {
			t.Errorf("%s creates a loan of %s: %d, want %d (%.200s)", user, org, st, w(http.StatusUnprocessableEntity), b)
		}
		if st, _ := c.postForm("/assistance/units", url.Values{"unit": {"NO-SUCH-UNIT"}, "org_id": {org}, "from": {"2022-01-01"}}); st != w(http.StatusUnprocessableEntity) {
			t.Errorf("%s pairs a unit with %s: %d, want %d", user, org, st, w(http.StatusUnprocessableEntity))
		}
	}
	// Lists hold only what the user reaches.
	var list loanListJSON
	c.getJSON("/api/loans?sort=org&page=1", &list)
	for _, it := range list.Items {
		if _, chosen := reach["admin"][it.OrgNo]; chosen && !orgs[it.OrgNo] {
			t.Errorf("%s's loan list holds %s of %s", user, it.No, it.OrgNo)
		}
		if townOnly && !strings.HasPrefix(it.Village, townA) {
			t.Errorf("%s's loan list holds %s of %s", user, it.No, it.Village)
		}
	}
	for _, path := range []string{"/api/assistance/units", "/api/assistance/households"} {
		var l struct {
			Items []struct {
				OrgNo   string `json:"org_id"`
				Village string `json:"village"`
			} `json:"items"`
			Total int `json:"total"`
		}
		if st := c.getJSON(path, &l); st != http.StatusOK {
			t.Errorf("%s GET %s: %d", user, path, st)
		}
		for _, it := range l.Items {
			if _, chosen := reach["admin"][it.OrgNo]; chosen && !orgs[it.OrgNo] {
				t.Errorf("%s GET %s holds %s", user, path, it.OrgNo)
			}
			if townOnly && !strings.HasPrefix(it.Village, townA) {
				t.Errorf("%s GET %s holds %s", user, path, it.Village)
			}
		}
	}
	for _, path := range []string{"/loans", "/loans/queue", "/loans/subsidies?year=2021", "/assistance", "/assistance?tab=households", "/loans.xlsx", "/assistance.xlsx"} {
		if st, _ := c.get(path); st != http.StatusOK {
			t.Errorf("%s GET %s: %d", user, path, st)
		}
	}
	// Scopes outside the user's: 403.
	if user == "townA" {
		for _, path := range []string{"/api/loans?scope=" + townB, "/api/loans/queue?scope=" + townB, "/api/loans/subsidies?scope=" + townB,
			"/api/assistance/units?scope=" + townB, "/loans?scope=" + townB, "/assistance?scope=" + townB} {
			if st, _ := c.get(path); st != http.StatusForbidden {
				t.Errorf("townA GET %s: %d, want 403", path, st)
			}
		}
	}
	// Buttons only for writers.
	_, page := c.get("/loans")
	if strings.Contains(page, `id="new-loan"`) != writer {
		t.Errorf("%s sees the new-loan button: %v", user, !writer)
	}
	if st, _ := c.get("/loans/new"); (st == http.StatusOK) != writer {
		t.Errorf("%s GET /loans/new: %d", user, st)
	}
}
