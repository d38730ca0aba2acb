package sqldb

import (
	"context"
	"fmt"
	"strings"

	"hezuo"
)

// Numbers proposed by the system (issue 18): a new org, loan… whose form
// leaves its number blank gets the next number of a readable series, e.g.
// 222424102-0007 (the township's seventh org numbered so), DK-222424102-
// 2026-0003 (its third loan number of 2026). The series' counter is drawn
// by an upsert in the write's own transaction (number_series, migration
// 0014): on PostgreSQL the row stays locked until the write commits, so two
// officers saving at once get consecutive numbers, and on SQLite writes are
// serialised anyway; a write that fails rolls its draw back, so numbers are
// deterministic. A number already taken (typed or imported) is skipped.

// proposedPlaceholder stands for a number yet to be proposed while the
// record's other fields are validated.
const proposedPlaceholder = "（自动编号）"

// maxProposalTries bounds the numbers skipped because they are taken.
const maxProposalTries = 1000

// proposeNumber returns the next free number prefix-NNNN of the series
// prefix, checking it against table.column, drawn through x.
func (db *DB) proposeNumber(ctx context.Context, x querier, prefix, table, column string) (string, error) {
	county := ""
	for _, part := range strings.Split(prefix, "-") {
		if len(part) >= 6 && allDigits(part) {
			county = part[:6]
			break
		}
	}
	for range maxProposalTries {
		var n int64
		if err := x.QueryRowContext(ctx, db.rebind(`INSERT INTO number_series (county, series, last) VALUES (?, ?, 1)
			ON CONFLICT (county, series) DO UPDATE SET last = number_series.last + 1 RETURNING last`), county, prefix).Scan(&n); err != nil {
			return "", err
		}
		no := fmt.Sprintf("%s-%04d", prefix, n)
		var taken int
		if err := x.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM `+table+` WHERE `+column+` = ?`), no).Scan(&taken); err != nil {
			return "", err
		}
		if taken == 0 {
			return no, nil
		}
	}
	return "", hezuo.Errorf(hezuo.ECONFLICT, "未能自动生成编号，请手工填写", "no number could be proposed: please type one")
}

// seriesArea is the division digits a series is named by: the township of
// a division code (a village's first 9 digits; a township's or county's
// significant digits), else the scope's digits ("" for everything).
func seriesArea(code string, a *hezuo.Access) string {
	if full, ok := fullDivisionCode(code); ok {
		sig := hezuo.SignificantCode(full)
		if len(sig) > 9 {
			sig = sig[:9]
		}
		return sig
	}
	if a != nil {
		return a.Scope.Prefix
	}
	return ""
}

// orgNumberPrefix is the series of a new org's 组织编号: its township.
func orgNumberPrefix(village string) string { return village[:9] }

// partyOrgNumberPrefix is the series of a new party organization's
// 党组织编号: DZZ and its seat's township (or the seat, when wider).
func partyOrgNumberPrefix(seat string) string { return "DZZ-" + seriesArea(seat, nil) }

// loanNumberPrefix is the series of a new loan's 贷款编号: DK, the area
// (township) and the year of application.
func loanNumberPrefix(area string, applied hezuo.Date) string {
	p := "DK"
	if area != "" {
		p += "-" + area
	}
	return fmt.Sprintf("%s-%04d", p, applied.Year())
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
