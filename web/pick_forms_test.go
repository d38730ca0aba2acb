package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"hezuo"
)

// The pickers on the forms: the new membership form, picked references, every form's inputs.

// TestMembershipNewForm: the membership form takes a person picker's value
// (#id) and an org number, through the same write as the person page: town
// A's officer adds its resident to its org, and cannot add town B's.
func TestMembershipNewForm(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		town := a.login(t, "townA")
		var idA, idB int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT pe.id FROM people pe WHERE pe.village LIKE ? AND NOT EXISTS
			(SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = pe.id AND o.org_no = ?) ORDER BY pe.id LIMIT 1`),
			townA+"%", orgSec).Scan(&idA); err != nil {
			t.Fatal(err)
		}
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT pe.id FROM people pe WHERE pe.village LIKE ? AND NOT EXISTS
			(SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = pe.id AND o.village LIKE ?) ORDER BY pe.id LIMIT 1`),
			townB+"%", townA+"%").Scan(&idB); err != nil {
			t.Fatal(err)
		}
		if st, body := town.get("/memberships/new?org_id=" + orgSec); st != http.StatusOK || !strings.Contains(body, `data-pick="person"`) {
			t.Fatalf("the form: %d", st)
		}
		count := func(id int64) int {
			var n int
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT count(*) FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = ? AND o.org_no = ?`),
				id, orgSec).Scan(&n)
			return n
		}
		form := url.Values{"person": {"#" + strconv.FormatInt(idA, 10)}, "org_id": {orgSec}, "from": {"2024-03-01"}}
		if loc := town.redirect(t, "/memberships/new", form); loc != "/people/"+strconv.FormatInt(idA, 10)+"?saved=1" {
			t.Fatalf("saved to %q", loc)
		}
		if count(idA) != 1 {
			t.Errorf("the membership of #%d is not saved", idA)
		}
		form.Set("person", "#"+strconv.FormatInt(idB, 10))
		st, body := town.postForm("/memberships/new", form)
		if st != http.StatusUnprocessableEntity || fieldErrors(body)["person"] == "" {
			t.Errorf("town B's person: %d %v", st, fieldErrors(body))
		}
		if wholeIDRe.MatchString(body) {
			t.Error("the refused form shows a whole ID number")
		}
		if count(idB) != 0 {
			t.Errorf("town B's #%d joined %s", idB, orgSec)
		}
		form = url.Values{"from": {"2024-03-01"}}
		if st, body := town.postForm("/memberships/new", form); st != http.StatusUnprocessableEntity || len(fieldErrors(body)) < 2 {
			t.Errorf("empty form: %d %v", st, fieldErrors(body))
		}
		// Roles that do not write: neither the form nor the write.
		other := func() url.Values {
			return url.Values{"person": {"#" + strconv.FormatInt(idB, 10)}, "org_id": {orgSec}, "from": {"2024-03-01"}}
		}
		for _, u := range []string{"auditor", "dept", "secretary", "instructor"} {
			c := a.login(t, u)
			if st, _ := c.get("/memberships/new"); st != http.StatusForbidden {
				t.Errorf("%s opens the form: %d", u, st)
			}
			if st, _ := c.postForm("/memberships/new", other()); st != http.StatusForbidden {
				t.Errorf("%s sends the form: %d", u, st)
			}
		}
		// Town B's officer: town A's org is out of reach, said beside it.
		st, body = a.login(t, "townB").postForm("/memberships/new", other())
		if st != http.StatusUnprocessableEntity && st != http.StatusNotFound || fieldErrors(body)["org_id"] == "" {
			t.Errorf("townB adds to town A's org: %d %v", st, fieldErrors(body))
		}
		if count(idB) != 0 {
			t.Errorf("#%d joined %s", idB, orgSec)
		}
	})
}

// TestPickerRefsInForms: a loan's borrower and guarantor chosen in person
// pickers (#id) are saved as if their ID numbers had been typed, through
// the same write; a person out of reach is refused beside the field, and
// no page shows a whole ID number.
func TestPickerRefsInForms(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		fx := findLoanFixture(t, a)
		admin, town := a.login(t, "admin"), a.login(t, "townA")
		ref := func(number string) string {
			t.Helper()
			_, items := a.pick(admin, pq("kind", "person", "code", number))
			if len(items) != 1 {
				t.Fatalf("the person %s…: %v", number[:6], items)
			}
			return items[0].Value
		}
		borrower, guarantor := ref(fx.borrower), ref(fx.guarantor)
		var idB int64
		if err := a.db.QueryRowContext(context.Background(), a.db.Rebind(`SELECT pe.id FROM people pe WHERE pe.village LIKE ? AND NOT EXISTS
			(SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = pe.id AND o.village LIKE ?) ORDER BY pe.id LIMIT 1`),
			townB+"%", townA+"%").Scan(&idB); err != nil {
			t.Fatal(err)
		}
		today := hezuo.Today(hezuo.China)
		form := url.Values{"no": {"T-DK-PICK"}, "borrower": {"#" + strconv.FormatInt(idB, 10)}, "org_id": {orgSec}, "purpose": {"购置农机"},
			"lender": {"农村信用社"}, "amount": {"50000"}, "rate": {"4.35"}, "term_months": {"12"},
			"applied_on": {today.AddDays(-30).String()}, "households_driven": {"3"}, "guarantor_a": {guarantor}, "guarantee_a": {"10000"}}
		st, body := town.postForm("/loans/new", form)
		if st == http.StatusSeeOther || !strings.Contains(fieldErrors(body)["borrower"], "不存在或无权访问") {
			t.Errorf("a borrower out of reach: %d %v", st, fieldErrors(body))
		}
		if wholeIDRe.MatchString(body) {
			t.Error("the refused loan form shows a whole ID number")
		}
		form.Set("borrower", borrower)
		if st, body := town.postForm("/loans/new", form); st != http.StatusSeeOther {
			t.Fatalf("a loan with people chosen in pickers: %d %v", st, fieldErrors(body))
		}
		var loan struct {
			BorrowerID int64 `json:"borrower_person_id"`
			Guarantees []struct {
				PersonID int64 `json:"person_id"`
			} `json:"guarantees"`
		}
		if st := town.getJSON("/api/loans/T-DK-PICK", &loan); st != http.StatusOK {
			t.Fatalf("the loan: %d", st)
		}
		if "#"+strconv.FormatInt(loan.BorrowerID, 10) != borrower {
			t.Errorf("borrower #%d, want %s", loan.BorrowerID, borrower)
		}
		if len(loan.Guarantees) != 1 || "#"+strconv.FormatInt(loan.Guarantees[0].PersonID, 10) != guarantor {
			t.Errorf("guarantees %v, want %s", loan.Guarantees, guarantor)
		}
		// The guarantor picker: the county's registered guarantors, masked.
		a.clock.Add(time.Second)
		var got pickAnswer
		town.getJSON("/api/pick?"+pq("kind", "guarantor", "code", guarantor).Encode(), &got)
		if len(got.Items) != 1 || !strings.HasPrefix(got.Items[0].Detail, hezuo.MaskIDNumber(fx.guarantor)) {
			t.Errorf("the guarantor by reference: %v", got.Items)
		}
	})
}

var formFieldRe = regexp.MustCompile(`<(?:input|textarea|select)\b[^>]*>`)

// TestPickersOnForms: every form field that takes a division code, an
// org's or party organization's number or a person's ID number carries its
// picker (web/assets/picker.js, loaded by every page), and keeps its name,
// so that without the script the code typed is sent as before.
func TestPickersOnForms(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		admin := a.login(t, "admin")
		var personID int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(id) FROM people WHERE village LIKE ?`), townA+"%").Scan(&personID); err != nil {
			t.Fatal(err)
		}
		var partyOrg string
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT min(no) FROM party_orgs WHERE seat LIKE ? AND valid_to IS NULL`), townA+"%").Scan(&partyOrg); err != nil {
			t.Fatal(err)
		}
		pages := []struct {
			path   string
			fields map[string]string // name or id="…" → kind
		}{
			{"/memberships/new", map[string]string{`id="person"`: "person", `id="org_id"`: "org"}},
			{"/people/" + strconv.FormatInt(personID, 10), map[string]string{`id="join-org"`: "org"}},
			{"/loans/new", map[string]string{`id="borrower"`: "person", `id="party_org"`: "partyorg", `id="org_id"`: "org", `id="guarantor_a"`: "guarantor"}},
			{"/dispatches/new", map[string]string{`id="org_id"`: "org"}},
			{"/institutions/meetings/new", map[string]string{`id="party_org"`: "partyorg", `id="village_party_org"`: "partyorg", `id="id_numbers"`: "person"}},
			{"/institutions/commitments/new", map[string]string{`id="party_org"`: "partyorg"}},
			{"/trainings/new", map[string]string{`id="org_id"`: "org", `id="organizer"`: "unit"}},
			{"/trainings", map[string]string{`name="organizer"`: "unit"}},
			{"/partyorgs/" + partyOrg + "/edit", map[string]string{`id="parent"`: "partyorg", `id="manager"`: "partyorg", `id="orgs"`: "org", `id="post_id_number"`: "person"}},
			{"/orgs/new", map[string]string{`id="villages"`: "division"}},
			{"/assistance?tab=households", map[string]string{`id="member"`: "person", `id="hh-village"`: "division", `id="hh-org"`: "org"}},
			{"/assistance?tab=units", map[string]string{`id="up-org"`: "org", `id="up-village"`: "division"}},
			{"/users", map[string]string{`id="scope"`: "division"}},
			{"/orgs", map[string]string{`name="scope"`: "division"}},
			{"/people", map[string]string{`name="org_id"`: "org"}},
		}
		for _, p := range pages {
			st, body := admin.get(p.path)
			if st != http.StatusOK {
				t.Errorf("%s: %d", p.path, st)
				continue
			}
			if !strings.Contains(body, `<script src="/assets/picker.js" defer></script>`) {
				t.Errorf("%s does not load picker.js", p.path)
			}
			for attr, kind := range p.fields {
				found := false
				for _, tag := range formFieldRe.FindAllString(body, -1) {
					if strings.Contains(tag, " "+attr) {
						found = true
						if !strings.Contains(tag, `data-pick="`+kind+`"`) || !strings.Contains(tag, ` name="`) {
							t.Errorf("%s: %s has no %s picker or no name: %s", p.path, attr, kind, tag)
						}
					}
				}
				if !found {
					t.Errorf("%s: no field %s", p.path, attr)
				}
			}
		}
		if st, body := admin.get("/assets/picker.js"); st != http.StatusOK || !strings.Contains(body, "/api/pick?") {
			t.Errorf("picker.js: %d", st)
		}
	})
}
