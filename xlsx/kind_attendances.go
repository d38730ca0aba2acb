package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "attendances", Sheet: "参训", ZH: "参训记录", EN: "training attendance", KeyZH: "培训编号 + 身份证号",
		Columns: []Column{
			{Key: "training", ZH: "培训编号", Type: TKey, Required: true, Text: true, Example: "PX-2021-001",
				NoteZH: "所参加培训的编号（须已导入培训）", NoteEN: "the session (import the trainings first)"},
			{Key: "id_number", ZH: "身份证号", Type: TID, Required: true, Text: true, Example: "22242419800101022X",
				NoteZH: "参训人员的身份证号（须已登记）", NoteEN: "the attendee's ID number (registered)"},
			{Key: "org_id", ZH: "组织编号", Type: TKey, Text: true, Example: "WQ-HZS-001", NoteZH: "可选；以哪个合作组织成员身份参训", NoteEN: "optional; the org the attendee came from"},
		},
		rows:   func() kindRows { return &attendanceRows{seen: map[string]int{}} },
		export: exportAttendances,
	})
}

type attendanceRow struct {
	num int
	a   hezuo.TrainingAttendance
}

// attendanceRows converts rows of training attendances: the key is 培训编号
// + 身份证号; a known key updates the org.
type attendanceRows struct {
	rows []attendanceRow
	seen map[string]int
}

func (ar *attendanceRows) platforms() {}

func (ar *attendanceRows) add(r *rowCtx) {
	a := hezuo.TrainingAttendance{Training: Key(r.raw("training")), IDNumber: r.idNumber("id_number"), OrgNo: Key(r.raw("org_id"))}
	r.need("training", a.Training)
	if r.bad {
		return
	}
	if _, _, _, err := hezuo.ParseIDNumber(a.IDNumber, r.b.today); err != nil {
		r.domain(err, map[string]string{"": "id_number"})
		return
	}
	k := a.Training + "|" + a.IDNumber
	if first, dup := ar.seen[k]; dup {
		r.fail("id_number", fmt.Sprintf("与第 %d 行重复（同一培训同一人）", first), fmt.Sprintf("same person at the same training as row %d", first))
		return
	}
	ar.seen[k] = r.num
	ar.rows = append(ar.rows, attendanceRow{num: r.num, a: a})
}

func (ar *attendanceRows) finish(*Batch) {}

func (ar *attendanceRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	for _, r := range ar.rows {
		ds.People = append(ds.People, hezuo.Person{IDNumber: r.a.IDNumber})
		if r.a.OrgNo != "" {
			ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: r.a.OrgNo})
		}
	}
	return ds
}

func (ar *attendanceRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	people, orgs := map[string]bool{}, map[string]bool{}
	for _, p := range have.People {
		people[p.IDNumber] = true
	}
	for _, o := range have.Orgs {
		orgs[o.OrgNo] = true
	}
	held := map[string]hezuo.Date{}
	for _, t := range have.Trainings {
		held[t.No] = t.HeldOn
	}
	stored := map[string]hezuo.TrainingAttendance{}
	for _, a := range have.TrainingAttendances {
		stored[a.Training+"|"+a.IDNumber] = a
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range ar.rows {
		a, n := row.a, len(b.Problems)
		fail := func(key, zh, en string) { b.Problems = append(b.Problems, b.problem(row.num, key, zh, en)) }
		if day, ok := held[a.Training]; !ok {
			fail("training", "未知的培训编号 "+a.Training+"（请先导入培训）", "unknown training "+a.Training+" (import the trainings first)")
		} else if day.After(b.today) {
			fail("training", "培训 "+a.Training+" 尚未举行（"+day.String()+"）", "training "+a.Training+" has not happened yet ("+day.String()+")")
		}
		if !people[a.IDNumber] {
			fail("id_number", "此人尚未登记（请先导入成员）", "unknown person (import the members first)")
		}
		if a.OrgNo != "" && !orgs[a.OrgNo] {
			fail("org_id", "未知的组织编号 "+a.OrgNo, "unknown org_id "+a.OrgNo)
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[a.Training+"|"+a.IDNumber]
		if exists && !b.has("org_id") {
			a.OrgNo = old.OrgNo
		}
		changed := exists && old != a
		if !exists || changed {
			p.Write.TrainingAttendances = append(p.Write.TrainingAttendances, a)
		}
		p.count(!exists, changed)
	}
	return p
}

func exportAttendances(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.TrainingAttendances))
	for _, a := range ds.TrainingAttendances {
		out = append(out, []any{a.Training, a.IDNumber, a.OrgNo})
	}
	return out
}
