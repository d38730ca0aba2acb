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
	"hezuo/sqldb"
)

type pickAnswer struct {
	Items []sqldb.PickItem `json:"items"`
}

// pick asks the pickers' endpoint, a second later on the test clock than
// the last question (so that the rate limit is not what a test meets).
func (a *app) pick(c *client, params url.Values) (int, []sqldb.PickItem) {
	c.t.Helper()
	a.clock.Add(time.Second)
	var out pickAnswer
	st := c.getJSON("/api/pick?"+params.Encode(), &out)
	return st, out.Items
}

func pq(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

func values(items []sqldb.PickItem) map[string]bool {
	m := map[string]bool{}
	for _, it := range items {
		m[it.Value] = true
	}
	return m
}

var wholeIDRe = regexp.MustCompile(`\d{17}[\dX]`)
var maskedRe = regexp.MustCompile(`^\d{6}\*{8}[\dX]{4}( · .+)?$`)

// TestPick: the forms' pickers answer only records the user may see — a
// township officer never another township's orgs, party organizations,
// people or divisions — with ID numbers masked, at most 20 records, a
// bounded query and a rate limit; a person's value is not the ID number.
func TestPick(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		admin, town, auditor := a.login(t, "admin"), a.login(t, "townA"), a.login(t, "auditor")
		one := func(q string, args ...any) string {
			t.Helper()
			var s string
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(q), args...).Scan(&s); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return s
		}

		// Orgs: a word every org's name holds finds, for town A, only town A's.
		word := "合作社"
		st, items := a.pick(town, pq("kind", "org", "q", word))
		if st != http.StatusOK || len(items) == 0 || len(items) > sqldb.PickLimit {
			t.Fatalf("townA org %q: %d, %d items", word, st, len(items))
		}
		for _, it := range items {
			if v := one(`SELECT village FROM orgs WHERE org_no = ?`, it.Value); !strings.HasPrefix(v, townA) {
				t.Errorf("townA's org picker offers %s of village %s", it.Value, v)
			}
		}
		nameB := one(`SELECT name FROM orgs WHERE org_no = ?`, orgB)
		if _, items = a.pick(town, pq("kind", "org", "q", nameB)); values(items)[orgB] {
			t.Errorf("townA finds town B's org %s by its name", orgB)
		}
		if _, items = a.pick(admin, pq("kind", "org", "q", nameB)); !values(items)[orgB] {
			t.Errorf("the county admin does not find %s (%s): %v", orgB, nameB, items)
		}
		if _, items = a.pick(town, pq("kind", "org", "code", orgB)); len(items) != 0 {
			t.Errorf("townA looks up town B's org by its number: %v", items)
		}
		if _, items = a.pick(town, pq("kind", "org", "code", orgSec)); len(items) != 1 || items[0].Value != orgSec || items[0].Label == "" {
			t.Errorf("townA's own org %s by number: %v", orgSec, items)
		}
		// The department officer, as the lists, only the orgs of its trade.
		dept := a.login(t, "dept")
		if _, items = a.pick(dept, pq("kind", "org", "q", nameB)); values(items)[orgB] {
			t.Errorf("the NJZ officer's picker offers %s", orgB)
		}
		if _, items = a.pick(dept, pq("kind", "org", "q", one(`SELECT name FROM orgs WHERE org_no = ?`, orgDept))); !values(items)[orgDept] {
			t.Errorf("the NJZ officer's picker does not offer %s", orgDept)
		}

		// Divisions: the name of town B's township finds it and its villages
		// for the admin, nothing for town A; a township's prefix as a scope.
		townBName := one(`SELECT name FROM divisions WHERE code = ?`, townB+"000")
		part := string([]rune(townBName)[:2])
		_, items = a.pick(admin, pq("kind", "division", "q", part))
		if !values(items)[townB+"000"] {
			t.Errorf("admin: %q does not find %s: %v", part, townBName, items)
		}
		villages := 0
		for _, it := range items {
			if it.Level == "village" && strings.HasPrefix(it.Value, townB) && strings.Contains(it.Detail, townBName) {
				villages++
			}
		}
		if villages == 0 {
			t.Errorf("admin: %q finds none of %s's villages: %v", part, townBName, items)
		}
		if _, items = a.pick(town, pq("kind", "division", "q", townBName)); len(items) != 0 {
			t.Errorf("townA finds town B's divisions: %v", items)
		}
		_, items = a.pick(town, pq("kind", "division", "q", string([]rune(one(`SELECT name FROM divisions WHERE code = ?`, townA+"000"))[:2]), "level", "village"))
		if len(items) == 0 {
			t.Error("townA finds no village of its township by the township's name")
		}
		for _, it := range items {
			if it.Level != "village" || !strings.HasPrefix(it.Value, townA) {
				t.Errorf("townA's village picker offers %v", it)
			}
		}
		if _, items = a.pick(admin, pq("kind", "division", "code", townB)); len(items) != 1 || items[0].Label != townBName {
			t.Errorf("admin: the scope %s by code: %v", townB, items)
		}

		// Party organizations: only those seated in town A or covering its orgs.
		_, items = a.pick(town, pq("kind", "partyorg", "q", "党"))
		for _, it := range items {
			seat := one(`SELECT seat FROM party_orgs WHERE no = ?`, it.Value)
			var covers int
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT count(*) FROM party_org_orgs l JOIN party_orgs p ON p.id = l.party_org_id
				JOIN orgs o ON o.id = l.org_id WHERE p.no = ? AND o.village LIKE ?`), it.Value, townA+"%").Scan(&covers)
			if !strings.HasPrefix(seat, townA) && covers == 0 {
				t.Errorf("townA's party-org picker offers %s seated in %s", it.Value, seat)
			}
		}
		noB := one(`SELECT no FROM party_orgs WHERE seat LIKE ? AND valid_to IS NULL AND id NOT IN (SELECT l.party_org_id FROM party_org_orgs l
			JOIN orgs o ON o.id = l.org_id WHERE o.village LIKE ?) ORDER BY no LIMIT 1`, townB+"%", townA+"%")
		if _, items = a.pick(town, pq("kind", "partyorg", "code", noB)); len(items) != 0 {
			t.Errorf("townA looks up town B's party organization %s: %v", noB, items)
		}
		if _, items = a.pick(admin, pq("kind", "partyorg", "code", noB)); len(items) != 1 {
			t.Errorf("admin: party organization %s by number: %v", noB, items)
		}

		// People: a resident of town B who belongs to no org of town A is
		// not found by town A, whole name or not; ID numbers masked.
		var idB int64
		var nameP, sealedB string
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT pe.id, pe.name, pe.id_sealed FROM people pe WHERE pe.village LIKE ? AND NOT EXISTS
			(SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = pe.id AND o.village LIKE ?) ORDER BY pe.id LIMIT 1`),
			townB+"%", townA+"%").Scan(&idB, &nameP, &sealedB); err != nil {
			t.Fatal(err)
		}
		refB := "#" + strconv.FormatInt(idB, 10)
		wholeB, err := a.db.Keys().Open(sealedB)
		if err != nil {
			t.Fatal(err)
		}
		if _, items = a.pick(town, pq("kind", "person", "q", nameP)); values(items)[refB] {
			t.Errorf("townA finds town B's %s", nameP)
		}
		if _, items = a.pick(town, pq("kind", "person", "q", wholeB)); len(items) != 0 {
			t.Errorf("townA finds town B's person by the whole ID number: %v", items)
		}
		if _, items = a.pick(town, pq("kind", "person", "code", refB)); len(items) != 0 {
			t.Errorf("townA looks up town B's person by id: %v", items)
		}
		st, body := admin.get("/api/pick?" + pq("kind", "person", "q", nameP).Encode())
		if st != http.StatusOK || !strings.Contains(body, `"`+refB+`"`) {
			t.Errorf("admin does not find %s: %d %s", nameP, st, body)
		}
		if wholeIDRe.MatchString(body) {
			t.Errorf("the person picker shows a whole ID number: %s", body)
		}
		a.clock.Add(time.Second)
		var got pickAnswer
		admin.getJSON("/api/pick?"+pq("kind", "person", "q", nameP).Encode(), &got)
		for _, it := range got.Items {
			if !maskedRe.MatchString(it.Detail) {
				t.Errorf("person detail not masked: %q", it.Detail)
			}
			if !strings.HasPrefix(it.Value, "#") {
				t.Errorf("person value %q is not a reference", it.Value)
			}
		}
		// A whole number finds the person for the roles that see whole
		// numbers, and nothing for the auditor (who may find by name).
		if _, items = a.pick(admin, pq("kind", "person", "q", wholeB)); !values(items)[refB] {
			t.Errorf("admin: the whole ID number does not find the person: %v", items)
		}
		if _, items = a.pick(auditor, pq("kind", "person", "q", wholeB)); len(items) != 0 {
			t.Errorf("the auditor finds a person by a whole ID number: %v", items)
		}
		if _, items = a.pick(auditor, pq("kind", "person", "q", nameP)); !values(items)[refB] {
			t.Errorf("the auditor does not find %s by name", nameP)
		}
		// The last four characters of an ID number, as every masked
		// number shows them: within reach only.
		tailB := wholeB[14:]
		if _, items = a.pick(town, pq("kind", "person", "q", tailB)); values(items)[refB] {
			t.Errorf("townA finds town B's person by the end of the ID number")
		}
		for _, c := range []*client{admin, auditor} {
			_, items = a.pick(c, pq("kind", "person", "q", strings.ToLower(tailB)))
			if !values(items)[refB] {
				t.Errorf("the end of the ID number %s does not find the person: %v", tailB, items)
			}
			for _, it := range items {
				if !strings.Contains(it.Detail, "********"+tailB) {
					t.Errorf("%v does not end in %s", it, tailB)
				}
			}
		}
		var sealedA string
		var idA int64
		if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT id, id_sealed FROM people WHERE village LIKE ? ORDER BY id LIMIT 1`), townA+"%").Scan(&idA, &sealedA); err != nil {
			t.Fatal(err)
		}
		wholeA, _ := a.db.Keys().Open(sealedA)
		if _, items = a.pick(town, pq("kind", "person", "q", wholeA[14:])); !values(items)["#"+strconv.FormatInt(idA, 10)] {
			t.Errorf("townA does not find its resident by the end of the ID number: %v", items)
		}

		// townA's own people: all visible to it.
		surname := string([]rune(one(`SELECT name FROM people WHERE village LIKE ? ORDER BY id LIMIT 1`, townA+"%"))[:1])
		_, items = a.pick(town, pq("kind", "person", "q", surname))
		if len(items) == 0 || len(items) > sqldb.PickLimit {
			t.Errorf("townA %q: %d people", surname, len(items))
		}
		for _, it := range items {
			id, _ := sqldb.PersonRef(it.Value)
			var n int
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT count(*) FROM people pe WHERE pe.id = ? AND (pe.village LIKE ? OR EXISTS
				(SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = pe.id AND o.village LIKE ?))`), id, townA+"%", townA+"%").Scan(&n)
			if n == 0 {
				t.Errorf("townA's person picker offers %v", it)
			}
		}

		// Bounds: the answer, the query, the kind, the area.
		if _, items = a.pick(admin, pq("kind", "person", "q", surname)); len(items) != sqldb.PickLimit {
			t.Errorf("admin %q: %d people, want the bound %d", surname, len(items), sqldb.PickLimit)
		}
		a.clock.Add(time.Second)
		if st, _ := admin.get("/api/pick?" + pq("kind", "org", "q", strings.Repeat("社", sqldb.PickMaxQuery+1)).Encode()); st != http.StatusUnprocessableEntity {
			t.Errorf("a long query: %d", st)
		}
		a.clock.Add(time.Second)
		if st, _ := admin.get("/api/pick?" + pq("kind", "users", "q", "a").Encode()); st != http.StatusUnprocessableEntity {
			t.Errorf("an unknown kind: %d", st)
		}
		a.clock.Add(time.Second)
		if st, _ := town.get("/api/pick?" + pq("kind", "org", "q", word, "within", townB).Encode()); st != http.StatusForbidden {
			t.Errorf("townA within town B: %d", st)
		}
		if st, _ := a.anon(t).get("/api/pick?" + pq("kind", "org", "q", word).Encode()); st != http.StatusUnauthorized {
			t.Errorf("signed out: %d", st)
		}
		// The rate: a burst, then 429 with Retry-After, then again after a wait.
		a.clock.Add(time.Minute)
		limited := 0
		for i := 0; i < 40; i++ {
			if st, _ := town.get("/api/pick?" + pq("kind", "org", "q", word).Encode()); st == http.StatusTooManyRequests {
				limited++
			}
		}
		if limited == 0 {
			t.Error("40 questions at once: none refused")
		}
		a.clock.Add(time.Second)
		if st, _ := town.get("/api/pick?" + pq("kind", "org", "q", word).Encode()); st != http.StatusOK {
			t.Errorf("after a second: %d", st)
		}
	})
}

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
			{"/trainings/new", map[string]string{`id="org_id"`: "org"}},
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
