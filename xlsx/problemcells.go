package xlsx

import ()

// ProblemCell is a problem with the value of its cell as the file holds
// it (a date cell's serial shown as a date), for a table of problems.
type ProblemCell struct {
	Problem
	Value string
}

// maxCellValue bounds a value shown in a table of problems (characters).
const maxCellValue = 100

// Cells returns the first limit problems of the rejection with the values
// of their cells, read again from the file (kind names the date columns);
// a problem of no cell (a missing column, a whole row) has the value "".
// Reading stops at the last row needed.
func (r *Rejected) Cells(kind string, limit int) ([]ProblemCell, error) {
	ps := r.Problems
	if len(ps) > limit {
		ps = ps[:limit]
	}
	out := make([]ProblemCell, len(ps))
	want := map[int][]int{} // row → indexes in out
	last := 0
	for i, p := range ps {
		out[i].Problem = p
		if p.col >= 0 && p.Row > 1 {
			want[p.Row] = append(want[p.Row], i)
			last = max(last, p.Row)
		}
	}
	if len(want) == 0 {
		return out, nil
	}
	sh, err := Open(r.File, r.Sheet)
	if err != nil {
		return nil, err
	}
	defer sh.Close()
	dates := map[int]bool{}
	if s := Lookup(kind); s != nil {
		b, _ := s.bind(sh.Header)
		for key, i := range b.idx {
			dates[i] = s.Column(key).Type == TDate
		}
	}
	for num, cells := range sh.Rows(&err) {
		if num > last {
			break
		}
		for _, i := range want[num] {
			c := out[i].col
			if c >= len(cells) {
				continue
			}
			v := cells[c]
			if dates[c] {
				if d, ok := parseSerial(Text(v), sh.Date1904); ok {
					v = d.String()
				}
			}
			if rs := []rune(v); len(rs) > maxCellValue {
				v = string(rs[:maxCellValue]) + "…"
			}
			out[i].Value = v
		}
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}
