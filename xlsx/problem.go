package xlsx

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"hezuo"
)

// Problem is one thing wrong with an imported file, located as a
// spreadsheet user sees it: Row is the row number (the header is row 1) and
// Column the header as written in the file (for a missing column, its
// Chinese name).
type Problem struct {
	Row    int
	Column string
	ZH, EN string
	col    int // the column's index in the row, -1 when it has none
}

// Message returns the problem's message in lang ("zh" or "en").
func (p Problem) Message(lang string) string {
	if lang == "en" && p.EN != "" {
		return p.EN
	}
	return p.ZH
}

// Line formats the problem as FILE:ROW:COLUMN: message.
func (p Problem) Line(file, lang string) string {
	return fmt.Sprintf("%s:%d:%s: %s", file, p.Row, p.Column, p.Message(lang))
}

// Rejected is the error of an import refused whole: every problem found.
type Rejected struct {
	File     string
	Sheet    string // the worksheet read ("" for CSV)
	Problems []Problem
}

// Error returns every problem, one a line, in Chinese.
func (r *Rejected) Error() string { return r.Lines("zh") }

// Lines returns every problem as FILE:ROW:COLUMN: message, one a line.
func (r *Rejected) Lines(lang string) string {
	var b strings.Builder
	for i, p := range r.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Line(r.File, lang))
	}
	return b.String()
}

// Unwrap makes a rejection an EINVALID domain error whose message, in
// either language, is every problem, one a line: what a command prints.
func (r *Rejected) Unwrap() error {
	return &hezuo.Error{Code: hezuo.EINVALID, ZH: r.Lines("zh"), EN: r.Lines("en")}
}

// AsRejected returns the rejection in err's chain, or nil.
func AsRejected(err error) *Rejected {
	var r *Rejected
	if errors.As(err, &r) {
		return r
	}
	return nil
}

// sortProblems orders problems by row, then column position, and drops
// exact repeats.
func sortProblems(ps []Problem) []Problem {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Row != ps[j].Row {
			return ps[i].Row < ps[j].Row
		}
		return ps[i].col < ps[j].col
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}
