package xlsx_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"hezuo/sqldb"
)

// TestOneCheckReportsEveryProblem: one check of a file lists every problem
// of every row, those found against the stored records (an unknown org)
// with those of reading the cells (a date that does not exist), in the
// same row or in others.
func TestOneCheckReportsEveryProblem(t *testing.T) {
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			forEachDB(t, func(t *testing.T, db *sqldb.DB) {
				rows := [][]any{memberRow(1, 20), memberRow(2, 20), memberRow(3, 20), memberRow(4, 20)}
				rows[0][3] = "2022-02-30" // row 2: no such day
				rows[1][2] = "ORG-999"    // row 3: an unknown org
				rows[2][3] = "2022-13-01" // row 4: a bad date and an unknown org
				rows[2][2] = "ORG-998"
				rows[3][7] = "电话号码" // row 5: a malformed phone and an unknown org
				rows[3][2] = "ORG-997"
				path := tempFile(t, "onepass."+format)
				if format == "xlsx" {
					writeXLSX(t, path, memberHeader, rows)
				} else {
					writeCSV(t, path, memberHeader, rows, "utf-8")
				}
				before := dump(t, db)
				_, rej := importFile(t, db, "members", path, true)
				if rej == nil {
					t.Fatal("a file with mistakes was accepted")
				}
				got := map[string]string{}
				for _, p := range rej.Problems {
					got[strings.Join([]string{strconv.Itoa(p.Row), p.Column}, ":")] = p.ZH
				}
				for _, want := range []struct{ at, says string }{
					{"2:加入日期", "2022-02-30"},
					{"3:组织编号", "未知的组织编号 ORG-999"},
					{"4:加入日期", "2022-13-01"},
					{"4:组织编号", "未知的组织编号 ORG-998"},
					{"5:联系电话", "联系电话"},
					{"5:组织编号", "未知的组织编号 ORG-997"},
				} {
					if !strings.Contains(got[want.at], want.says) {
						t.Errorf("row:column %s: got %q, want it to say %q (all: %v)", want.at, got[want.at], want.says, got)
					}
				}
				if after := dump(t, db); !reflect.DeepEqual(before, after) {
					t.Error("a rejected check wrote something")
				}
			})
		})
	}
}
