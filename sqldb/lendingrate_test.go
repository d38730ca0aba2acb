package sqldb

import (
	"context"
	"testing"
	"time"

	"hezuo"
)

// TestSetLendingRate: only county administrators change the table; a row of
// an existing day replaces it, audited with before and after; a bad row
// writes nothing.
func TestSetLendingRate(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		today := hezuo.MustDate("2026-12-07")
		admin := &hezuo.Access{User: "admin", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: fxCounty}}
		town := &hezuo.Access{User: "town", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownA}}
		row := hezuo.LendingRate{EffectiveFrom: hezuo.MustDate("2022-08-22"), Kind: hezuo.RateLPR, RatePPM: 36000, Source: "更正"}
		if err := db.SetLendingRate(ctx, town, row, today, time.Now()); hezuo.ErrorCode(err) != hezuo.EFORBIDDEN {
			t.Errorf("township officer: %v", err)
		}
		bad := row
		bad.RatePPM = 0
		if err := db.SetLendingRate(ctx, admin, bad, today, time.Now()); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Errorf("bad row: %v", err)
		}
		if err := db.SetLendingRate(ctx, admin, row, today, time.Now()); err != nil {
			t.Fatal(err)
		}
		tbl, err := db.LendingRates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range tbl {
			if r.EffectiveFrom.Equal(row.EffectiveFrom) {
				n++
				if r.RatePPM != 36000 || r.Source != "更正" {
					t.Errorf("replaced row: %+v", r)
				}
			}
		}
		if n != 1 || len(tbl) != 27 {
			t.Errorf("%d rows of 2022-08-22 in %d", n, len(tbl))
		}
		entries, _, err := db.AuditLog(ctx, admin, hezuo.AuditFilter{Entity: "lending_rate"})
		if err != nil || len(entries) != 1 || entries[0].Action != hezuo.ActionUpdate || entries[0].Before == "" || entries[0].After == "" {
			t.Errorf("audit: %+v %v", entries, err)
		}
	})
}
