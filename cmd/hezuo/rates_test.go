package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// TestRatesCommand: the table of reference rates seeded by migration 0011,
// a row added with `hezuo rates add` (audited) changing a demo loan's
// subsidy, and the bounds of a row refused with exit 1 and nothing
// written; on both databases.
func TestRatesCommand(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			copyDemo(t, d.DSN)
			list := func() []hezuo.LendingRate {
				var rows []hezuo.LendingRate
				if err := json.Unmarshal([]byte(mustRun(t, "rates", "list", "--db", d.DSN, "--format", "json")), &rows); err != nil {
					t.Fatal(err)
				}
				return rows
			}
			rows := list()
			if len(rows) != 27 || rows[0].EffectiveFrom.String() != "2008-12-23" || rows[0].RatePPM != 53100 || rows[0].Kind != hezuo.RateBenchmark ||
				rows[14].EffectiveFrom.String() != "2019-08-20" || rows[14].RatePPM != 42500 || rows[14].Kind != hezuo.RateLPR {
				t.Fatalf("seeded rows: %d %+v", len(rows), rows)
			}
			for _, r := range rows {
				if r.Source == "" {
					t.Errorf("row %s without a source", r.EffectiveFrom)
				}
			}
			// WQ-DK-2019-024: 120,000 yuan, interest for 2020-01-27..2021-01-27 paid in 2021.
			parts := func() []int {
				var out struct {
					Loans []struct {
						Loan    string `json:"loan"`
						Periods []struct {
							Rates []struct {
								RatePPM int `json:"rate_ppm"`
							} `json:"rates"`
						} `json:"periods"`
					} `json:"loans"`
				}
				if err := json.Unmarshal([]byte(mustRun(t, "loans", "subsidy", "--year", "2021", "--db", d.DSN, "--as-of", "2022-06-08", "--format", "json")), &out); err != nil {
					t.Fatal(err)
				}
				var rates []int
				for _, l := range out.Loans {
					if l.Loan == "WQ-DK-2019-024" {
						for _, p := range l.Periods {
							for _, r := range p.Rates {
								rates = append(rates, r.RatePPM)
							}
						}
					}
				}
				return rates
			}
			if got := parts(); len(got) != 3 || got[0] != 20750 || got[1] != 20250 || got[2] != 19250 {
				t.Errorf("subsidy rates of WQ-DK-2019-024: %v, want half of 4.15%%, 4.05%%, 3.85%%", got)
			}
			out := mustRun(t, "rates", "add", "--db", d.DSN, "--from", "2020-03-01", "--rate", "4.00", "--kind", "lpr", "--source", "测试：县里核实的利率")
			if !strings.Contains(out, "2020-03-01") {
				t.Errorf("rates add says %q", out)
			}
			if got := parts(); len(got) != 4 || got[2] != 20000 {
				t.Errorf("after the added row: %v, want a part at 2.00%%", got)
			}
			db, err := sqldb.Open(context.Background(), d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			entries, _, err := db.AuditLog(context.Background(), &hezuo.Access{User: "a", Role: hezuo.RoleCountyAdmin}, hezuo.AuditFilter{Q: "2020-03-01"})
			db.Close()
			if err != nil || len(entries) != 1 || entries[0].Entity != "lending_rate" || !strings.Contains(entries[0].After, "40000") {
				t.Errorf("audit: %+v %v", entries, err)
			}
			for _, bad := range [][]string{
				{"--from", "1989-12-31", "--rate", "3", "--source", "x"},
				{"--from", hezuo.Today(hezuo.China).AddDate(1, 0, 1).String(), "--rate", "3", "--source", "x"},
				{"--from", "2020-03-02", "--rate", "20", "--source", "x"},
				{"--from", "2020-03-02", "--rate", "0", "--source", "x"},
				{"--from", "2020-03-02", "--rate", "3", "--kind", "other", "--source", "x"},
				{"--from", "2020-03-02", "--rate", "3", "--source", strings.Repeat("长", 201)},
				{"--from", "2020-03-02", "--rate", "3", "--source", "a\x07b"},
			} {
				if code, _, errs := hz(t, "", append([]string{"rates", "add", "--db", d.DSN}, bad...)...); code != 1 || errs == "" {
					t.Errorf("rates add %v: exit %d %q", bad, code, errs)
				}
			}
			if n := len(list()); n != 28 {
				t.Errorf("%d rows after one good and seven bad adds, want 28", n)
			}
			if code, _, _ := hz(t, "", "rates", "add", "--db", d.DSN); code != 2 {
				t.Errorf("rates add without flags: exit %d, want 2", code)
			}
		})
	}
}
