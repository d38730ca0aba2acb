package xlsx

import "hezuo"

// divisionsKind is the county's divisions: the key is the division code.
var divisionsKind = addKind(10, kindOf(&Schema{Kind: "divisions", Sheet: "区划", ZH: "区划", EN: "division", KeyZH: "区划代码",
	TitleZH: "行政区划", TitleEN: "Divisions",
	Columns: []Column{
		{Key: "code", ZH: "区划代码", Type: TCode, Required: true, Text: true, Example: "222424103201",
			NoteZH: "县 6 位、乡镇 9 位、村 12 位统计用区划代码", NoteEN: "county 6, township 9 or village 12 digits"},
		{Key: "name", ZH: "名称", Type: TText, Required: true, Example: "东光村",
			NoteZH: "区划名称", NoteEN: "the division's name"},
	},
}, spec[hezuo.Division]{
	read:  readDivision,
	dups:  []dupKey[hezuo.Division]{{"code", "与第 %d 行重复（同一区划代码）", "same code as row %d", func(d hezuo.Division) string { return d.Code }}},
	probe: func(ds *hezuo.Dataset, d hezuo.Division) { ds.Divisions = append(ds.Divisions, d) },
	refs:  func(d hezuo.Division) []colRef { return refsTo("code", RefDivision, d.Code) },
	plan:  planDivisions,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.Divisions, func(v hezuo.Division) []any { return []any{shortCode(v.Code), v.Name} })
	},
}))

func readDivision(r *rowCtx) (hezuo.Division, bool) {
	code, name := r.code("code"), r.text("name")
	if r.need("code", code) {
		norm, err := hezuo.NormalizeDivisionCode(code)
		if err != nil {
			r.domain(err, map[string]string{"": "code"})
		}
		code = norm
	}
	r.need("name", name)
	return hezuo.Division{Code: code, Name: name}, true
}

func planDivisions(b *Batch, have *hezuo.Dataset, rows []row[hezuo.Division]) *Plan {
	stored := keyed(have.Divisions, func(d hezuo.Division) string { return d.Code })
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		old, ok := stored[row.rec.Code]
		put(p, &p.Write.Divisions, row.rec, ok, ok && old.Name != row.rec.Name)
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
