package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "divisions", Sheet: "区划", ZH: "区划", EN: "division", KeyZH: "区划代码",
		Columns: []Column{
			{Key: "code", ZH: "区划代码", Type: TCode, Required: true, Text: true, Example: "222424103201",
				NoteZH: "县 6 位、乡镇 9 位、村 12 位统计用区划代码", NoteEN: "county 6, township 9 or village 12 digits"},
			{Key: "name", ZH: "名称", Type: TText, Required: true, Example: "东光村",
				NoteZH: "区划名称", NoteEN: "the division's name"},
		},
		rows:   func() kindRows { return &divisionRows{seen: map[string]int{}} },
		export: exportDivisions,
	})
}

// divisionRows converts rows of divisions: the key is the division code.
type divisionRows struct {
	recs []hezuo.Division
	nums []int
	seen map[string]int // 12-digit code → row
}

func (d *divisionRows) add(r *rowCtx) {
	code, name := r.code("code"), r.text("name")
	if r.need("code", code) {
		norm, err := hezuo.NormalizeDivisionCode(code)
		if err != nil {
			r.domain(err, map[string]string{"": "code"})
		}
		code = norm
	}
	r.need("name", name)
	if r.bad {
		return
	}
	if first, dup := d.seen[code]; dup {
		r.fail("code", fmt.Sprintf("与第 %d 行重复（同一区划代码）", first), fmt.Sprintf("same code as row %d", first))
		return
	}
	d.seen[code] = r.num
	d.recs = append(d.recs, hezuo.Division{Code: code, Name: name})
	d.nums = append(d.nums, r.num)
}

func (d *divisionRows) finish(*Batch) {}

func (d *divisionRows) probe() *hezuo.Dataset { return &hezuo.Dataset{Divisions: d.recs} }

func (d *divisionRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	stored := map[string]string{}
	for _, v := range have.Divisions {
		stored[v.Code] = v.Name
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, v := range d.recs {
		name, ok := stored[v.Code]
		changed := ok && name != v.Name
		p.count(!ok, changed)
		if !ok || changed {
			p.Write.Divisions = append(p.Write.Divisions, v)
		}
	}
	return p
}

// shortCode writes a 12-digit division code the way people know it: a
// county as 6 digits, a township as 9.
func shortCode(code string) string {
	switch {
	case len(code) == 12 && code[6:] == "000000":
		return code[:6]
	case len(code) == 12 && code[9:] == "000":
		return code[:9]
	}
	return code
}

func exportDivisions(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.Divisions))
	for _, v := range ds.Divisions {
		out = append(out, []any{shortCode(v.Code), v.Name})
	}
	return out
}
