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

	"hezuo/store"
)

type pickAnswer struct {
	Items []store.PickItem `json:"items"`
}

// pick asks the pickers' endpoint, a second later on the test clock than
// the last question (so that the rate limit is not what a test meets).
func (a *app) pick(c *client, params url.Values) (int, []store.PickItem) {
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

func values(items []store.PickItem) map[string]bool {
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
		if st != http.StatusOK || len(items) == 0 || len(items) > store.PickLimit {
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

		// Units: the county's units by part of their name, the code as the
		// value (a training's 主办单位), for a township officer too.
		unitCode := one(`SELECT min(code) FROM units WHERE county = '222424'`)
		unitName := one(`SELECT name FROM units WHERE code = ?`, unitCode)
		part := string([]rune(unitName)[1:3])
		for _, c := range []*client{admin, town} {
			if _, items = a.pick(c, pq("kind", "unit", "q", part)); !values(items)[unitCode] {
				t.Errorf("%q does not find the unit %s (%s): %v", part, unitCode, unitName, items)
			}
		}
		if _, items = a.pick(town, pq("kind", "unit", "code", unitCode)); len(items) != 1 || items[0].Label != unitName {
			t.Errorf("the unit %s by its code: %v", unitCode, items)
		}
		if _, items = a.pick(town, pq("kind", "unit", "q", "没有这样的单位")); len(items) != 0 {
			t.Errorf("a name no unit has finds %v", items)
		}

		// Divisions: the name of town B's township finds it and its villages
		// for the admin, nothing for town A; a township's prefix as a scope.
		townBName := one(`SELECT name FROM divisions WHERE code = ?`, townB+"000")
		part = string([]rune(townBName)[:2])
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
		if len(items) == 0 || len(items) > store.PickLimit {
			t.Errorf("townA %q: %d people", surname, len(items))
		}
		for _, it := range items {
			id, _ := store.PersonRef(it.Value)
			var n int
			a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT count(*) FROM people pe WHERE pe.id = ? AND (pe.village LIKE ? OR EXISTS
				(SELECT 1 FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.person_id = pe.id AND o.village LIKE ?))`), id, townA+"%", townA+"%").Scan(&n)
			if n == 0 {
				t.Errorf("townA's person picker offers %v", it)
			}
		}

		// Bounds: the answer, the query, the kind, the area.
		if _, items = a.pick(admin, pq("kind", "person", "q", surname)); len(items) != store.PickLimit {
			t.Errorf("admin %q: %d people, want the bound %d", surname, len(items), store.PickLimit)
		}
		a.clock.Add(time.Second)
		if st, _ := admin.get("/api/pick?" + pq("kind", "org", "q", strings.Repeat("社", store.PickMaxQuery+1)).Encode()); st != http.StatusUnprocessableEntity {
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
