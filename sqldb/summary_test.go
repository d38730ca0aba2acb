package sqldb

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"hezuo"
	"hezuo/demo"
	"hezuo/sqldb/dbtest"
	"hezuo/sqldb/summaries"
)

// assertSummaries checks that Stats and Check from the summaries equal the
// direct computation from the records on n random (scope, day) pairs drawn
// from the database's divisions and the years of its records, plus the
// given ones.
func assertSummaries(t *testing.T, db *DB, r *rand.Rand, n int, fixed ...any) {
	t.Helper()
	ctx := context.Background()
	if !db.summariesReady(ctx) {
		t.Fatal("summaries are not ready")
	}
	// Roll-ups stop at prefectures (summary_area.go): no township or county rows.
	for _, tbl := range []string{"summary_delta", "summary_snapshot", "summary_areas"} {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM `+tbl+` WHERE length(area) > 4`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s holds %d rows of areas below prefectures", tbl, n)
		}
	}
	codes := columnStrings(t, db, `SELECT code FROM divisions ORDER BY code`)
	type pair struct {
		scope hezuo.Scope
		day   hezuo.Date
	}
	var pairs []pair
	for i := 0; i+1 < len(fixed); i += 2 {
		pairs = append(pairs, pair{fixed[i].(hezuo.Scope), fixed[i+1].(hezuo.Date)})
	}
	// Half of the days are days when facts change, or the day before.
	var changes []hezuo.Date
	if err := db.eachRow(ctx, `SELECT valid_from FROM party_status UNION SELECT valid_to FROM party_status
		UNION SELECT valid_from FROM dispatches UNION SELECT valid_to FROM dispatches UNION SELECT valid_from FROM party_org_orgs
		UNION SELECT valid_to FROM party_org_orgs UNION SELECT valid_from FROM officers UNION SELECT dissolved FROM orgs
		UNION SELECT leader_since FROM people UNION SELECT talent_since FROM people UNION SELECT elected_on FROM party_org_elections`, nil, func(r rowScanner) error {
		var d hezuo.Date
		err := r.Scan(&d)
		if !d.IsZero() {
			changes = append(changes, d)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	start := hezuo.MustDate("2013-06-01")
	for i := 0; i < n; i++ {
		code, _ := hezuo.NormalizeDivisionCode(codes[r.IntN(len(codes))])
		prefix := hezuo.SignificantCode(code)
		switch r.IntN(4) { // also the province and everything
		case 0:
			prefix = prefix[:min(2, len(prefix))]
		case 1:
			prefix = ""
		}
		day := start.AddDays(r.IntN(14 * 365))
		if i%2 == 0 && len(changes) > 0 {
			day = changes[r.IntN(len(changes))].AddDays(-r.IntN(2))
		}
		pairs = append(pairs, pair{hezuo.Scope{Prefix: prefix}, day})
	}
	for _, p := range pairs {
		want, err := db.statsDirect(ctx, p.scope, p.day)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.statsSummary(ctx, p.scope, p.day)
		if err != nil {
			t.Fatal(err)
		}
		if w, g := toJSON(want), toJSON(got); w != g {
			t.Errorf("stats %s on %s:\n direct  %s\n summary %s", p.scope, p.day, w, g)
		}
		wantRows, _, err := db.check(ctx, p.scope, p.day)
		if err != nil {
			t.Fatal(err)
		}
		wantTowns := map[string]map[string]int{}
		for _, r := range wantRows {
			if wantTowns[r.Township] == nil {
				wantTowns[r.Township] = map[string]int{}
			}
			wantTowns[r.Township][r.Kind]++
		}
		gotTowns, ok := db.orgsByTownshipSummary(ctx, p.scope, p.day)
		for key := range gotTowns { // by prefecture: add the townships' counts up
			if len(key) == summaries.RollupFinest {
				if len(gotTowns) < 2 || len(p.scope.Prefix) > 2 {
					t.Errorf("orgs by township %s on %s: by prefecture %v", p.scope, p.day, gotTowns)
				}
				byPref := map[string]map[string]int{}
				for t, kinds := range wantTowns {
					if byPref[t[:summaries.RollupFinest]] == nil {
						byPref[t[:summaries.RollupFinest]] = map[string]int{}
					}
					for k, n := range kinds {
						byPref[t[:summaries.RollupFinest]][k] += n
					}
				}
				wantTowns = byPref
			}
			break
		}
		if !ok || !reflect.DeepEqual(wantTowns, gotTowns) {
			t.Errorf("orgs by township %s on %s:\n direct  %v\n summary %v", p.scope, p.day, wantTowns, gotTowns)
		}
		// The trend's definitions are Stats' (MemberTrend counts a party
		// member twice in an org he joined twice over).
		wantTrend := []hezuo.TrendPoint{{Day: p.day, Members: want.AllMembers, PartyMembers: want.Talent.PartyMembers}}
		if gotTrend, ok := db.memberTrendSummary(ctx, p.scope, []hezuo.Date{p.day}); !ok || !reflect.DeepEqual(wantTrend, gotTrend) {
			t.Errorf("member trend %s on %s:\n direct  %v\n summary %v", p.scope, p.day, wantTrend, gotTrend)
		}
		gotRows, err := db.checkSummary(ctx, p.scope, p.day)
		if err != nil {
			t.Fatal(err)
		}
		if len(wantRows) != len(gotRows) {
			t.Errorf("check %s on %s: %d rows directly, %d from the summaries", p.scope, p.day, len(wantRows), len(gotRows))
			continue
		}
		for i := range wantRows {
			if !reflect.DeepEqual(wantRows[i], gotRows[i]) {
				t.Errorf("check %s on %s, org %s:\n direct  %s\n summary %s", p.scope, p.day, wantRows[i].OrgNo,
					toJSON(wantRows[i]), toJSON(gotRows[i]))
				break
			}
		}
	}
}

// columnStrings returns the one text column of the rows of q.
func columnStrings(t *testing.T, db *DB, q string) []string {
	t.Helper()
	var out []string
	if err := db.eachRow(context.Background(), q, nil, func(r rowScanner) error {
		var v string
		err := r.Scan(&v)
		out = append(out, v)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestSummaryFixture(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		if err := db.Load(ctx, fixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(1, 2))
		assertSummaries(t, db, r, 20, hezuo.AllScope, fxDay, hezuo.Scope{Prefix: fxTownA}, fxDay.AddDays(-1),
			hezuo.Scope{Prefix: fxVA1}, fxDay)
	})
}

func TestSummaryDemoCounty(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		if err := db.Load(ctx, demo.County(hezuo.MustDate("2026-11-28")), hezuo.MustDate("2026-11-28")); err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(3, 4))
		assertSummaries(t, db, r, 8, hezuo.AllScope, hezuo.MustDate("2022-06-08"), hezuo.AllScope, hezuo.MustDate("2026-11-28"))
	})
}

func TestSummaryGenCounty(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		schema := schemaObjects(t, db)
		bulk, err := db.NewBulk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := demo.Generate(demo.Scales["county"], 7, bulk); err != nil {
			bulk.Abort()
			t.Fatal(err)
		}
		if err := bulk.Close(); err != nil {
			t.Fatal(err)
		}
		// The bulk load drops indexes, constraints and triggers for its
		// writes (pgDeferIndexes): all are back, as the migrations made them.
		if after := schemaObjects(t, db); !slices.Equal(after, schema) {
			t.Errorf("schema after the bulk load differs:\n got %q\nwant %q", after, schema)
		}
		r := rand.New(rand.NewPCG(5, 6))
		assertSummaries(t, db, r, 10, hezuo.AllScope, demo.GenEnd)
		// Load changes: a membership ends, an org is created with a member,
		// a joint branch is founded for orgs of two townships.
		var idNumber, orgNo, village, first, last string
		var from hezuo.Date
		if err := db.QueryRowContext(ctx, `SELECT p.id_sealed, o.org_no, o.village, m.valid_from FROM memberships m
			JOIN people p ON p.id = m.person_id JOIN orgs o ON o.id = m.org_id WHERE m.valid_to IS NULL ORDER BY m.id LIMIT 1`).
			Scan(db.opened(&idNumber), &orgNo, &village, &from); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRowContext(ctx, `SELECT min(org_no), max(org_no) FROM orgs`).Scan(&first, &last); err != nil {
			t.Fatal(err)
		}
		d := hezuo.MustDate
		ds := &hezuo.Dataset{
			Memberships: []hezuo.Membership{{IDNumber: idNumber, OrgNo: orgNo, Period: hezuo.Period{From: from, To: d("2025-03-01")}},
				{IDNumber: idNumber, OrgNo: "NEW1", Period: hezuo.Period{From: d("2025-03-01")}}},
			Orgs: []hezuo.Org{{OrgNo: "NEW1", Name: "新建专业合作社", Kind: hezuo.KindCooperative, Village: village, Industry: "蔬菜",
				Founded: d("2025-01-15")}},
			PartyOrgs: []hezuo.PartyOrg{{No: "NEWJ", Name: "新建联合党支部", Form: hezuo.FormJointBranch, Seat: village,
				Orgs: []string{first, last, "NEW1"}, Period: hezuo.Period{From: d("2025-06-01")}}},
		}
		if err := db.Load(ctx, ds, demo.GenEnd); err != nil {
			t.Fatal(err)
		}
		assertSummaries(t, db, r, 6, hezuo.AllScope, d("2025-07-01"), hezuo.Scope{Prefix: village[:9]}, d("2025-03-01"))
	})
}

// schemaObjects lists the definitions of the database's indexes,
// constraints and triggers, sorted.
func schemaObjects(t *testing.T, db *DB) []string {
	t.Helper()
	q := `SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master
		WHERE type IN ('index', 'trigger') ORDER BY 1`
	if db.Dialect == Postgres {
		q = `SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
			UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(c.oid)
				FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = current_schema()
			UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
			ORDER BY 1`
	}
	var out []string
	rows, err := db.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("only %d schema objects: %q", len(out), out)
	}
	return out
}

// TestSummaryGenSeveralPrefectures checks the figures of a data set spread
// over two provinces of two prefectures each: the roll-ups of prefectures,
// provinces and the nation, and the segments' sums below them.
func TestSummaryGenSeveralPrefectures(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		bulk, err := db.NewBulk(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sc := demo.Scale{Name: "small", Provinces: 2, Prefectures: 2, Counties: 2, Townships: 2, Villages: 2, OrgsPerTownship: 4,
			MeanMembers: 12, PartyShare: 0.05, MultiMembership: 0.04, EndedMemberships: 0.12}
		if err := demo.Generate(sc, 11, bulk); err != nil {
			bulk.Abort()
			t.Fatal(err)
		}
		if err := bulk.Close(); err != nil {
			t.Fatal(err)
		}
		prefectures := columnStrings(t, db, `SELECT area FROM summary_areas WHERE level = 'prefecture' ORDER BY area`)
		if len(prefectures) != 4 {
			t.Fatalf("prefecture areas %v, want 4", prefectures)
		}
		// The nation's and a province's orgs by prefecture come from the
		// roll-ups; assertSummaries compares them with the records.
		towns, ok := db.orgsByTownshipSummary(ctx, hezuo.AllScope, demo.GenEnd)
		if !ok || len(towns) != 4 {
			t.Errorf("nation's orgs by area: %v, want the 4 prefectures", towns)
		}
		r := rand.New(rand.NewPCG(7, 8))
		assertSummaries(t, db, r, 12, hezuo.AllScope, demo.GenEnd, hezuo.Scope{Prefix: prefectures[0][:2]}, hezuo.MustDate("2020-01-01"),
			hezuo.Scope{Prefix: prefectures[3]}, demo.GenEnd)
	})
}

// TestReadingSummaries proves a reading's context reads the summaries'
// version once: a change after its first look is not seen in it (the
// figures of one page agree with each other), and is seen by the next.
func TestReadingSummaries(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		if err := db.Load(ctx, fixture(), fxDay); err != nil {
			t.Fatal(err)
		}
		reading := db.ReadingSummaries(ctx)
		before, ok := db.summaryVersion(reading)
		if !ok || before == "" {
			t.Fatalf("no summaries' version: %q %v", before, ok)
		}
		if _, err := db.ExecContext(ctx, `UPDATE people SET name = name || '改' WHERE id = (SELECT min(id) FROM people)`); err != nil {
			t.Fatal(err)
		}
		if v, ok := db.summaryVersion(reading); v != before || !ok {
			t.Errorf("the reading saw the version change: %q → %q", before, v)
		}
		if v, ok := db.summaryVersion(ctx); v == before || !ok {
			t.Errorf("a name changed, the version stayed %q", v)
		}
		if v, _ := db.summaryVersion(db.ReadingSummaries(ctx)); v == before {
			t.Errorf("a new reading sees the old version %q", v)
		}
		// Another database's reading does not take this one's memo.
		other, err := Open(ctx, dbtest.SQLite(t))
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		if v, _ := other.summaryVersion(reading); v == before {
			t.Errorf("another database read this one's version %q", v)
		}
	})
}
