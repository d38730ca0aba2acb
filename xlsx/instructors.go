package xlsx

import "hezuo"

// instructorsKind is the party-building instructors: the key is 身份证号. A
// row creates or updates the person too.
var instructorsKind = addKind(60, kindOf(&Schema{Kind: "instructors", Sheet: "指导员", ZH: "党建工作指导员", EN: "instructor", KeyZH: "身份证号",
	TitleZH: "党建指导员", TitleEN: "Instructors",
	Columns: []Column{
		idColumn("身份证号", "指导员本人的 18 位身份证号", "the instructor's ID number"),
		{Key: "name", ZH: "姓名", Type: TText, Required: true, Example: "李明", NoteZH: "姓名", NoteEN: "name"},
		{Key: "township", ZH: "派出乡镇", Type: TCode, Required: true, Text: true, Example: "222424103",
			NoteZH: "派出的乡镇党委所在乡镇的 9 位代码（须已导入）", NoteEN: "9-digit code of the dispatching township (imported)"},
		{Key: "unit", ZH: "工作单位", Type: TText, Example: "天桥岭镇农业站", NoteZH: "可选", NoteEN: "optional; where the instructor works"},
		{Key: "phone", ZH: "联系电话", Type: TCode, Text: true, NoteZH: "可选", NoteEN: "optional"},
	},
}, spec[instructorRow]{
	read: readInstructor,
	dups: []dupKey[instructorRow]{{"id_number", "与第 %d 行重复（同一身份证号）", "same ID number as row %d",
		func(r instructorRow) string { return r.in.IDNumber }}},
	after: func(r *rowCtx, row *instructorRow) bool { return r.bounded(&row.in, nil) },
	probe: func(ds *hezuo.Dataset, r instructorRow) {
		ds.People = append(ds.People, r.person)
		ds.Instructors = append(ds.Instructors, r.in)
	},
	refs: func(r instructorRow) []colRef {
		town := r.in.Township
		if town != "" {
			town += "000"
		}
		return refsTo("township", RefDivision, town, "id_number", RefPerson, r.person.IDNumber, "id_number", RefInstr, r.in.IDNumber)
	},
	plan:   planInstructors,
	export: exportInstructors,
}))

// instructorRow is an instructor's row: the person and the instructor.
type instructorRow struct {
	person hezuo.Person
	in     hezuo.Instructor
}

func readInstructor(r *rowCtx) (instructorRow, bool) {
	var row instructorRow
	row.person = hezuo.Person{IDNumber: r.idNumber("id_number"), Name: r.text("name"), Phone: Text(Fold(r.raw("phone")))}
	r.need("name", row.person.Name)
	town := r.code("township")
	if len(town) == 12 && town[9:] == "000" {
		town = town[:9]
	}
	if r.need("township", town) && (len(town) != 9 || !allDigits(town)) {
		r.fail("township", "派出乡镇应为 9 位乡镇代码", "township must be a 9-digit code")
	}
	row.in = hezuo.Instructor{IDNumber: row.person.IDNumber, Township: town, Unit: r.text("unit")}
	if r.bad || !r.domain(row.person.Validate(r.b.today), nil) {
		return row, false
	}
	row.in.IDNumber = row.person.IDNumber
	return row, true
}

func planInstructors(b *Batch, have *hezuo.Dataset, rows []row[instructorRow]) *Plan {
	towns := map[string]bool{}
	for _, d := range have.Divisions {
		towns[d.Code] = hezuo.LevelOf(d.Code) == hezuo.LevelTownship
	}
	people := byKey(have.People, func(p *hezuo.Person) string { return p.IDNumber })
	stored := keyed(have.Instructors, func(in hezuo.Instructor) string { return in.IDNumber })
	has := b.has
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, r := range rows {
		row := r.rec
		if !towns[row.in.Township+"000"] {
			b.fail(r.num, "township", "未知的乡镇 "+row.in.Township+"（请先导入区划）", "unknown township "+row.in.Township+" (import the divisions first)")
			continue
		}
		person, personChanged := row.person, false
		if old := people[row.person.IDNumber]; old != nil {
			person = *old
			person.Name = row.person.Name
			if has("phone") {
				person.Phone = row.person.Phone
			}
			personChanged = person.Name != old.Name || person.Phone != old.Phone
		}
		if personChanged || people[row.person.IDNumber] == nil {
			p.Write.People = append(p.Write.People, person)
		}
		in, ok := stored[row.in.IDNumber]
		if ok && !has("unit") {
			row.in.Unit = in.Unit
		}
		changed := ok && (in.Township != row.in.Township || in.Unit != row.in.Unit)
		if !ok || changed {
			p.Write.Instructors = append(p.Write.Instructors, row.in)
		}
		p.count(!ok, changed || personChanged)
	}
	return p
}

func exportInstructors(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	people := map[string]*hezuo.Person{}
	for i := range ds.People {
		people[ds.People[i].IDNumber] = &ds.People[i]
	}
	return table(ds.Instructors, func(in hezuo.Instructor) []any {
		if p := people[in.IDNumber]; p != nil {
			return []any{in.IDNumber, p.Name, in.Township, in.Unit, p.Phone}
		}
		return nil
	})
}
