package xlsx_test

import (
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

// TestRowBounds: the bounds of every write path (hezuo.Bounded) are
// reported by row and column for KINDs whose records have no Validate of
// their own — a member's role, a repayment past the largest amount, a visit
// note past its length — not only by the store for the whole file.
func TestRowBounds(t *testing.T) {
	demoDBs(t, func(t *testing.T, db *sqldb.DB) {
		opt := xlsx.Options{Today: demoToday, Access: hezuo.System}
		cases := []struct {
			kind   string
			header []string
			row    []any
			column string
		}{
			{"members", []string{"身份证号", "姓名", "组织编号", "加入日期", "政治面貌", "职务"},
				[]any{idNumber(515151), "边界", "WQ-HZ-001", "2020-01-01", "群众", strings.Repeat("长", 41)}, "职务"},
			{"repayments", repaymentHeader, []any{"WQ-DK-2019-001", "2025-01-01", "200000000.00", "0"}, "金额(元)"},
			{"visits", []string{"党员身份证号", "户编号", "走访日期", "走访情况"},
				[]any{idNumber(515152), "HH-1", "2025-01-01", strings.Repeat("访", 2001)}, "走访情况"},
		}
		for _, c := range cases {
			path := tempFile(t, c.kind+".csv")
			writeCSV(t, path, c.header, [][]any{c.row}, "utf8")
			_, err := xlsx.Import(ctx, db, c.kind, path, opt, true)
			rej := xlsx.AsRejected(err)
			if rej == nil {
				t.Errorf("%s: not refused: %v", c.kind, err)
				continue
			}
			found := false
			for _, p := range rej.Problems {
				found = found || (p.Row == 2 && p.Column == c.column && (strings.Contains(p.ZH, "过长") || strings.Contains(p.ZH, "超出范围")))
			}
			if !found {
				t.Errorf("%s: want a bound problem at row 2 column %s, got %v", c.kind, c.column, err)
			}
		}
	})
}
