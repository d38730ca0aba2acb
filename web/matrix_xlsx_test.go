package web

import (
	"net/http"
	"testing"
)

// matrixSpreadsheets extends the scope matrix to the upload page, the
// templates, the list downloads and the report: who may open each, and
// that a download holds exactly the chosen orgs the user reaches.
func matrixSpreadsheets(t *testing.T, c *client, user string, orgs map[string]bool) {
	t.Helper()
	byDivision := user == "admin" || user == "auditor" || user == "townA" || user == "townB"
	canImport := user == "admin" || user == "townA" || user == "townB" // within their scope (importpage_test.go)
	want := map[string]bool{
		"/import":                  canImport,
		"/templates/orgs.xlsx":     true,
		"/orgs.xlsx":               true,
		"/people.xlsx":             true,
		"/partyorgs.xlsx":          true,
		"/instructors.xlsx":        true,
		"/divisions.xlsx":          true,
		"/check.xlsx":              true,
		"/report?as_of=2022-06-08": byDivision,
		"/report.md":               byDivision,
	}
	for path, ok := range want {
		st, _, _ := c.raw(path)
		if (st == http.StatusOK) != ok || (!ok && st != http.StatusForbidden) {
			t.Errorf("%s GET %s: %d, want 200: %v (else 403)", user, path, st, ok)
		}
	}
	if st, _ := c.upload("/import", map[string]string{"kind": "orgs"}, "x.csv", []byte(orgsHeader)); (st == http.StatusForbidden) == canImport {
		t.Errorf("%s uploads: %d", user, st)
	}
	if user == "townA" {
		for _, path := range []string{"/orgs.xlsx?scope=" + townB, "/people.xlsx?org_id=" + orgB, "/report?scope=" + townB, "/report.pdf?scope=" + townB} {
			if st, _, _ := c.raw(path); st != http.StatusForbidden && st != http.StatusNotFound {
				t.Errorf("townA GET %s: %d, want 403 or 404", path, st)
			}
		}
	}
	_, _, b := c.raw("/orgs.xlsx")
	in := map[string]bool{}
	for _, r := range xlsxRows(t, b)[1:] {
		in[r[0]] = true
	}
	for org := range reach["admin"] {
		if in[org] != orgs[org] {
			t.Errorf("%s's /orgs.xlsx holds %s: %v, reach %v", user, org, in[org], orgs[org])
		}
	}
}
