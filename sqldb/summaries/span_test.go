package summaries

import (
	"reflect"
	"strings"
	"testing"

	"hezuo"
)

// TestSpans checks the set operations the sweeps count with on days.
func TestSpans(t *testing.T) {
	d := func(s string) day { return dayOf(hezuo.MustDate(s)) }
	a := union([]span{{d("2020-03-01"), d("2020-06-01")}, {d("2020-01-01"), d("2020-03-01")}, {d("2021-01-01"), never},
		{d("2020-05-01"), d("2020-04-01")}}) // empty, dropped
	want := spans{{d("2020-01-01"), d("2020-06-01")}, {d("2021-01-01"), never}}
	if !reflect.DeepEqual(a, want) {
		t.Fatalf("union %v, want %v", a, want)
	}
	b := spans{{d("2020-02-01"), d("2021-02-01")}}
	if got, want := a.intersect(b), (spans{{d("2020-02-01"), d("2020-06-01")}, {d("2021-01-01"), d("2021-02-01")}}); !reflect.DeepEqual(got, want) {
		t.Errorf("intersect %v, want %v", got, want)
	}
	if got, want := a.minus(b), (spans{{d("2020-01-01"), d("2020-02-01")}, {d("2021-02-01"), never}}); !reflect.DeepEqual(got, want) {
		t.Errorf("minus %v, want %v", got, want)
	}
	for s, in := range map[string]bool{"2019-12-31": false, "2020-01-01": true, "2020-06-01": false, "2030-01-01": true} {
		if a.has(d(s)) != in {
			t.Errorf("has(%s) = %v", s, !in)
		}
	}
	if got := dayOf(hezuo.Date{}); got != never || got.date() != (hezuo.Date{}) {
		t.Errorf("the zero date is day %d", got)
	}
	if got := d("2024-02-29").date(); got != hezuo.MustDate("2024-02-29") {
		t.Errorf("day and back: %s", got)
	}
}

// TestPeriods checks that the snapshot periods are the firsts of the months
// from the first day's through the last's, and a snapshot sums the deltas
// dated before its period.
func TestPeriods(t *testing.T) {
	d := func(s string) day { return dayOf(hezuo.MustDate(s)) }
	got := periodsBetween(d("2023-11-15"), d("2024-02-01"))
	want := []day{d("2023-11-01"), d("2023-12-01"), d("2024-01-01"), d("2024-02-01")}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("periods %v, want %v", got, want)
	}
	one := metrics{}
	one[mOrgs] = 1
	deltas := areaDeltas{}
	deltas.add(hezuo.KindCooperative, span{d("2023-11-20"), d("2024-01-10")}, &one)
	snaps := snapshots(deltas, want)
	var orgs []int64
	for _, s := range snaps {
		orgs = append(orgs, s.m[mOrgs])
	}
	// None before the first delta, one org in December and January, none
	// (all-zero, left out) in February.
	if len(snaps) != 2 || snaps[0].day != want[1] || snaps[1].day != want[2] || !reflect.DeepEqual(orgs, []int64{1, 1}) {
		t.Errorf("snapshots %+v", snaps)
	}
}

// TestTriggers checks that the trigger statements are the parts of the
// migrations after the marker, and that each trigger they create is dropped.
func TestTriggers(t *testing.T) {
	migrations := []string{"CREATE TABLE a (id INT);",
		"CREATE TABLE b (id INT);\n" + triggerMarker + "\nCREATE TRIGGER b_dirty AFTER INSERT OR UPDATE ON b FOR EACH ROW EXECUTE FUNCTION f();"}
	sql := TriggerSQL(migrations)
	if !strings.HasPrefix(sql, triggerMarker) || strings.Contains(sql, "CREATE TABLE") {
		t.Errorf("trigger SQL %q", sql)
	}
	if got := DropTriggers(true, migrations); !reflect.DeepEqual(got, []string{"DROP TRIGGER IF EXISTS b_dirty ON b"}) {
		t.Errorf("PostgreSQL drops %q", got)
	}
	if got := DropTriggers(false, migrations); !reflect.DeepEqual(got, []string{"DROP TRIGGER IF EXISTS b_dirty"}) {
		t.Errorf("SQLite drops %q", got)
	}
}
