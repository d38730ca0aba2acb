package sqldb

import (
	"context"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// TestSummariesTakeTheClock: the summaries' extent is the day of the clock
// the database is opened with (OpenOptions.Now), in China — a UTC evening
// is already the next day there — and the system clock without one.
func TestSummariesTakeTheClock(t *testing.T) {
	ctx := context.Background()
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			fixed := time.Date(2031, 3, 4, 20, 0, 0, 0, time.UTC) // 2031-03-05 04:00 in China
			db, err := OpenWith(ctx, d.DSN, OpenOptions{Now: func() time.Time { return fixed }})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if got := db.summaryToday(); got != hezuo.MustDate("2031-03-05") {
				t.Errorf("extent %s with a clock at %s, want 2031-03-05", got, fixed)
			}
			plain, err := Open(ctx, d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			defer plain.Close()
			before := hezuo.Today(hezuo.China)
			got := plain.summaryToday()
			if after := hezuo.Today(hezuo.China); got != before && got != after { // midnight between
				t.Errorf("extent %s without a clock, want today %s", got, after)
			}
		})
	}
}
