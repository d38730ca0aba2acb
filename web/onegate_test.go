package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"hezuo"
	"hezuo/xlsx"
)

// TestOneGateTrainings drives the same random training session through the
// web form, the JSON API and a spreadsheet import, as the same county
// administrator, and asserts that the three accept or refuse it alike and,
// when they accept, store the same record (issue 16: one gate for every
// write). The values are drawn around every bound: lengths at and past the
// limits, control characters, hours and dates at and past their ranges,
// places outside the county.
func TestOneGateTrainings(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		admin := a.login(t, "admin")
		access := &hezuo.Access{User: "admin", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: "222424"}}
		var unit string
		if err := a.db.QueryRowContext(ctx, `SELECT code FROM units ORDER BY code LIMIT 1`).Scan(&unit); err != nil {
			t.Fatal(err)
		}
		today := hezuo.Today(hezuo.China)
		pick := func(r *rand.Rand, vs ...string) string { return vs[r.IntN(len(vs))] }
		r := rand.New(rand.NewPCG(16, 2026))
		dir := t.TempDir()
		const n = 30
		accepted := 0
		for i := 0; i < n; i++ {
			// One field at a time away from a valid session: to a value at
			// its bound (accepted) or past it (refused).
			topic, held, hours, place, org, industry := "黑木耳栽培技术", "2025-03-01", "24", "222424103", unit, "食用菌"
			switch r.IntN(7) {
			case 0:
				topic = pick(r, strings.Repeat("长", 200), strings.Repeat("长", 201), "技术\x01培训", "技术\u202e培训", "")
			case 1:
				held = pick(r, "1899-12-31", "1900-01-01", today.AddDays(360).String(), today.AddDays(400).String())
			case 2:
				hours = pick(r, "1", "0", "-1", "1000", "1001")
			case 3:
				place = pick(r, "222424", "222424103201", "220101", "22242410320x")
			case 4:
				org = pick(r, "NO-SUCH-UNIT", strings.Repeat("U", 41))
			case 5:
				industry = pick(r, "", strings.Repeat("菌", 100), strings.Repeat("菌", 101))
			}
			mode := pick(r, hezuo.ModeOnSite, hezuo.ModeRemote)
			no := func(ch string) string { return fmt.Sprintf("GATE-%02d-%s", i, ch) }
			desc := fmt.Sprintf("#%d topic %d runes, held %s, hours %s, place %s, organizer %.12s, industry %d runes", i,
				len([]rune(topic)), held, hours, place, org, len([]rune(industry)))

			// The form.
			st, body := admin.postForm("/trainings/new", url.Values{"no": {no("F")}, "held_on": {held}, "topic": {topic},
				"organizer": {org}, "industry": {industry}, "mode": {mode}, "hours": {hours}, "place": {place}})
			formOK := st == http.StatusSeeOther
			if !formOK && st != http.StatusUnprocessableEntity {
				t.Fatalf("%s: form answered %d %.200s", desc, st, body)
			}
			// The JSON API (hours as a number; a date the API cannot read
			// is refused as the form's is).
			h, _ := strconv.Atoi(hours)
			st, body = admin.postJSON("/api/trainings", map[string]any{"no": no("A"), "held_on": held, "topic": topic,
				"organizer": org, "industry": industry, "mode": mode, "hours": h, "place": place})
			apiOK := st == http.StatusCreated
			if !apiOK && (st < 400 || st >= 500) {
				t.Fatalf("%s: API answered %d %.200s", desc, st, body)
			}
			// The import.
			path := filepath.Join(dir, no("I")+".csv")
			writeTrainingCSV(t, path, []string{no("I"), held, topic, org, industry, map[string]string{hezuo.ModeOnSite: "现场", hezuo.ModeRemote: "远程"}[mode], hours, place})
			_, err := xlsx.Import(ctx, a.db, "trainings", path, xlsx.Options{Today: today, Access: access}, false)
			importOK := err == nil
			if err != nil && xlsx.AsRejected(err) == nil && hezuo.ErrorCode(err) == hezuo.EINTERNAL {
				t.Fatalf("%s: import failed: %v", desc, err)
			}
			if formOK != apiOK || apiOK != importOK {
				t.Errorf("%s: form %v, API %v, import %v (%v)", desc, formOK, apiOK, importOK, err)
				continue
			}
			if outOfBounds := len([]rune(topic)) > 200 || strings.ContainsAny(topic, "\x01\u202e") || hours == "1001" ||
				held == "1899-12-31" || len([]rune(industry)) > 100; outOfBounds && formOK {
				t.Errorf("%s: a value out of bounds was stored", desc)
			}
			if !formOK {
				continue
			}
			accepted++
			var got [3]hezuo.Training
			for j, ch := range []string{"F", "A", "I"} {
				var held hezuo.Date
				tr := &got[j]
				if err := a.db.QueryRowContext(ctx, a.db.Rebind(`SELECT t.held_on, t.topic, u.code, t.industry, t.mode, t.hours, t.place FROM trainings t JOIN units u ON u.id = t.organizer_id WHERE t.no = ?`), no(ch)).Scan(
					&held, &tr.Topic, &tr.Organizer, &tr.Industry, &tr.Mode, &tr.Hours, &tr.Place); err != nil {
					t.Fatalf("%s: stored %s: %v", desc, ch, err)
				}
				tr.HeldOn = held
			}
			if got[0] != got[1] || got[1] != got[2] {
				t.Errorf("%s: stored differently:\nform   %+v\nAPI    %+v\nimport %+v", desc, got[0], got[1], got[2])
			}
		}
		if accepted == 0 || accepted == n {
			t.Errorf("%d of %d accepted: the draw does not exercise both outcomes", accepted, n)
		}
	})
}

// writeTrainingCSV writes one training row under the import's headers.
func writeTrainingCSV(t *testing.T, path string, row []string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"培训编号", "日期", "主题", "主办单位", "产业", "方式", "学时", "地点"})
	w.Write(row)
	w.Flush()
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
