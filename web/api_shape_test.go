package web

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"hezuo"
)

// updateShapes rewrites testdata/api_shapes.json from the answers of the
// code under test: run it only on code whose answers are the contract
// (go test ./web -run TestAPIShapes -update-api-shapes).
var updateShapes = flag.Bool("update-api-shapes", false, "rewrite testdata/api_shapes.json")

// apiShapesFile pins the JSON shape of every answer of the API on the
// demo: its keys, recursively, and the JSON type of each value.
const apiShapesFile = "testdata/api_shapes.json"

// jsonShape returns the shape of a decoded JSON value as sorted lines
// "path kind", one per path and kind seen: an object's keys extend the
// path with ".key", an array's elements (all of them, merged) with "[]".
// A path holding null in one element and a string in another has both
// lines, so a key that is present (or absent, or null) today must stay so.
func jsonShape(v any) []string {
	seen := map[string]bool{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			seen[path+" object"] = true
			for k, e := range x {
				walk(path+"."+k, e)
			}
		case []any:
			if len(x) == 0 {
				seen[path+" array(empty)"] = true
			} else {
				seen[path+" array"] = true
			}
			for _, e := range x {
				walk(path+"[]", e)
			}
		case string:
			seen[path+" string"] = true
		case float64:
			seen[path+" number"] = true
		case bool:
			seen[path+" bool"] = true
		case nil:
			seen[path+" null"] = true
		default:
			seen[fmt.Sprintf("%s %T", path, v)] = true
		}
	}
	walk("$", v)
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// shapeAnswer is one pinned answer: its status and its body's shape.
type shapeAnswer struct {
	Status int      `json:"status"`
	Shape  []string `json:"shape"`
}

// TestAPIShapes asks every endpoint of the JSON API (and the health
// probes) on the demo, with the clock and the as_of days fixed, and
// compares the shape of each answer (jsonShape) with the one recorded in
// testdata/api_shapes.json before the answers became typed structs
// (issue 19): no key renamed, dropped or added, no value of another JSON
// type, null and [] where they were. With HEZUO_API_DUMP=dir it also
// writes each body to dir, to compare byte for byte across two versions.
func TestAPIShapes(t *testing.T) {
	var golden map[string]shapeAnswer
	if !*updateShapes {
		b, err := os.ReadFile(apiShapesFile)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &golden); err != nil {
			t.Fatal(err)
		}
	}
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		a.clock.t = time.Date(2026, 12, 1, 10, 0, 0, 0, hezuo.China)
		got := map[string]shapeAnswer{}
		dump := os.Getenv("HEZUO_API_DUMP")
		if dump != "" {
			dump = filepath.Join(dump, filepath.Base(t.Name()))
			if err := os.MkdirAll(dump, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		record := func(name string, st int, body string) any {
			t.Helper()
			var v any
			if err := json.Unmarshal([]byte(body), &v); err != nil {
				t.Fatalf("%s: %d, not JSON: %.300s", name, st, body)
			}
			if _, dup := got[name]; dup {
				t.Fatalf("case %q twice", name)
			}
			got[name] = shapeAnswer{Status: st, Shape: jsonShape(v)}
			if dump != "" {
				os.WriteFile(filepath.Join(dump, strings.NewReplacer("/", "_", " ", "_", "?", "_").Replace(name)+".json"), []byte(body), 0o644)
			}
			return v
		}
		one := func(q string, args ...any) string {
			t.Helper()
			var s string
			if err := a.db.QueryRowContext(ctx, a.db.Rebind(q), args...).Scan(&s); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			return s
		}

		// Signing in and out.
		anon := a.anon(t)
		st, body := anon.postJSON("/api/login", map[string]string{"username": "admin", "password": pw})
		record("POST /api/login", st, body)
		var login struct{ CSRF string }
		json.Unmarshal([]byte(body), &login)
		anon.csrf = login.CSRF
		st, body = anon.postJSON("/api/logout", map[string]string{})
		record("POST /api/logout", st, body)

		c := a.login(t, "admin")
		// get asks path, recorded under its own name or label's.
		get := func(path string, label ...string) any {
			t.Helper()
			a.clock.Add(time.Second) // the pickers' rate limit
			st, body := c.get(path)
			name := "GET " + path
			if len(label) > 0 {
				name = "GET " + label[0]
			}
			return record(name, st, body)
		}
		const none = "%E6%B2%A1%E6%9C%89" // 没有: matches no name
		const day = "2026-12-01"
		get("/api/me")
		get("/api/stats?as_of=" + day)
		get("/api/check?as_of=" + day + "&scope=" + townA)

		// Orgs: the first page (a next cursor), the second (both), the last (a prev).
		first := get("/api/orgs").(map[string]any)
		next, _ := first["next"].(string)
		if next == "" {
			t.Fatalf("/api/orgs: no next cursor in %v", first)
		}
		second := get("/api/orgs?after="+url.QueryEscape(next), "/api/orgs?after=(next)").(map[string]any)
		if _, ok := second["prev"]; !ok {
			t.Errorf("/api/orgs?after=: no prev cursor")
		}
		get("/api/orgs?page=999")
		get("/api/orgs?q=" + none)
		get("/api/orgs/" + orgSec + "?as_of=" + day)
		get("/api/orgs/" + orgSec + "?as_of=1990-01-01")

		get("/api/people?org_id=" + orgSec)
		get("/api/people/"+one(`SELECT CAST(min(id) AS TEXT) FROM people`), "/api/people/(first)")

		// Loans.
		get("/api/loans?as_of=" + day)
		get("/api/loans/"+url.PathEscape(one(`SELECT min(no) FROM loans WHERE disbursed_on IS NOT NULL`))+"?as_of="+day, "/api/loans/(disbursed)")
		get("/api/loans/"+url.PathEscape(one(`SELECT min(no) FROM loans WHERE approved_on IS NULL`))+"?as_of="+day, "/api/loans/(applied)")
		get("/api/loans/queue?as_of=" + day)
		get("/api/loans/queue?as_of=1990-01-01")
		get("/api/loans/subsidies?year=2022&as_of=2022-12-31")
		get("/api/loans/subsidies?year=1990&as_of=" + day)

		// Assistance.
		get("/api/assistance/units?as_of=" + day)
		get("/api/assistance/units?as_of=" + day + "&q=" + none)
		get("/api/assistance/households?as_of=" + day)
		get("/api/assistance/households?as_of=" + day + "&q=" + none)

		// Institutions, training, development.
		get("/api/meetings?from=2022-01-01&to=" + day)
		get("/api/meetings?from=1990-01-01&to=1990-12-31")
		get("/api/overdue?as_of=" + day)
		get("/api/overdue?as_of=" + day + "&scope=" + townA)
		get("/api/trainings?as_of=" + day + "&from=2022-01-01&to=" + day)
		get("/api/trainings?as_of=" + day + "&from=1990-01-01&to=1990-12-31")
		get("/api/trainings/"+one(`SELECT CAST(min(id) AS TEXT) FROM trainings`), "/api/trainings/(first)")
		get("/api/development?as_of=" + day)

		// The pickers.
		get("/api/pick?kind=org&code=" + orgSec)
		get("/api/pick?kind=org&code=NO-SUCH-ORG")
		get("/api/pick?kind=division&code=" + townB)
		get("/api/pick?kind=partyorg&code=B-WQ-HZ-009")
		get("/api/pick?kind=person&q="+url.QueryEscape(one(`SELECT min(name) FROM people`)), "/api/pick?kind=person&q=(a name)")

		// Writes.
		st, body = c.postJSON("/api/meetings", map[string]any{"party_org": "B-WQ-HZ-009", "kind": hezuo.MeetingThemeDay,
			"held_on": "2026-11-20", "topic": "形状测试"})
		record("POST /api/meetings", st, body)
		st, body = c.postJSON("/api/trainings", map[string]any{"no": "SHAPE-1", "held_on": "2026-11-20", "topic": "黑木耳栽培技术",
			"organizer": one(`SELECT min(code) FROM units`), "industry": "食用菌", "mode": hezuo.ModeOnSite, "hours": 4, "place": townB})
		record("POST /api/trainings", st, body)

		// The probes: ready, then a schema behind, then no database.
		st, body = anon.get("/healthz")
		record("GET /healthz", st, body)
		st, body = anon.get("/readyz")
		record("GET /readyz", st, body)
		if _, err := a.db.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)`); err != nil {
			t.Fatal(err)
		}
		st, body = anon.get("/readyz")
		record("GET /readyz (schema behind)", st, body)
		a.db.Close()
		st, body = anon.get("/readyz")
		record("GET /readyz (database closed)", st, body)

		if *updateShapes {
			if strings.HasSuffix(t.Name(), "/sqlite") {
				b, _ := json.MarshalIndent(got, "", "  ")
				if err := os.WriteFile(apiShapesFile, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			return
		}
		for _, name := range slices.Sorted(maps.Keys(golden)) {
			want, have := golden[name], got[name]
			if _, ok := got[name]; !ok {
				t.Errorf("%s: not asked (the test lost a case)", name)
				continue
			}
			if have.Status != want.Status {
				t.Errorf("%s: status %d, recorded %d", name, have.Status, want.Status)
			}
			if missing, extra := lineDiff(want.Shape, have.Shape), lineDiff(have.Shape, want.Shape); len(missing)+len(extra) > 0 {
				t.Errorf("%s: the shape changed:\n missing %q\n new %q", name, missing, extra)
			}
		}
		for name := range got {
			if _, ok := golden[name]; !ok {
				t.Errorf("%s: no recorded shape (run with -update-api-shapes on code whose answers are right)", name)
			}
		}
	})
}

// lineDiff returns the lines of a not in b (both sorted).
func lineDiff(a, b []string) []string {
	var out []string
	for _, l := range a {
		if _, found := slices.BinarySearch(b, l); !found {
			out = append(out, l)
		}
	}
	return out
}
