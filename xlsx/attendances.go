package xlsx

import "hezuo"

// attendancesKind is the training attendances: the key is 培训编号 +
// 身份证号; a known key updates the org.
var attendancesKind = addKind(120, kindOf(&Schema{Kind: "attendances", Sheet: "参训", ZH: "参训记录", EN: "training attendance", KeyZH: "培训编号 + 身份证号",
	TitleZH: "参训记录", TitleEN: "Training attendances", platform: true,
	Columns: []Column{
		{Key: "training", ZH: "培训编号", Type: TKey, Required: true, Text: true, Example: "PX-2021-001",
			NoteZH: "所参加培训的编号（须已导入培训）", NoteEN: "the session (import the trainings first)"},
		idColumn("身份证号", "参训人员的身份证号（须已登记）", "the attendee's ID number (registered)"),
		{Key: "org_id", ZH: "组织编号", Type: TKey, Text: true, Example: "WQ-HZS-001", NoteZH: "可选；以哪个合作组织成员身份参训", NoteEN: "optional; the org the attendee came from"},
	},
}, spec[hezuo.TrainingAttendance]{
	read: readAttendance,
	dups: []dupKey[hezuo.TrainingAttendance]{{"id_number", "与第 %d 行重复（同一培训同一人）", "same person at the same training as row %d", attendanceKey}},
	probe: func(ds *hezuo.Dataset, a hezuo.TrainingAttendance) {
		ds.People = append(ds.People, hezuo.Person{IDNumber: a.IDNumber})
		if a.OrgNo != "" {
			ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: a.OrgNo})
		}
	},
	refs: func(a hezuo.TrainingAttendance) []colRef {
		return refsTo("training", RefTraining, a.Training, "id_number", RefPerson, a.IDNumber, "org_id", RefOrg, a.OrgNo)
	},
	plan: planAttendances,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.TrainingAttendances, func(a hezuo.TrainingAttendance) []any { return []any{a.Training, a.IDNumber, a.OrgNo} })
	},
}))

func attendanceKey(a hezuo.TrainingAttendance) string { return a.Training + "|" + a.IDNumber }

func readAttendance(r *rowCtx) (hezuo.TrainingAttendance, bool) {
	a := hezuo.TrainingAttendance{Training: Key(r.raw("training")), IDNumber: r.idNumber("id_number"), OrgNo: Key(r.raw("org_id"))}
	r.need("training", a.Training)
	return a, !r.bad && checkID(r, a.IDNumber, "id_number")
}

func planAttendances(b *Batch, have *hezuo.Dataset, rows []row[hezuo.TrainingAttendance]) *Plan {
	people, orgs := personSet(have), orgSet(have)
	trainings := keyed(have.Trainings, func(t hezuo.Training) string { return t.No })
	stored := keyed(have.TrainingAttendances, attendanceKey)
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		a, n := row.rec, len(b.Problems)
		fail := func(key, zh, en string) { b.fail(row.num, key, zh, en) }
		if t, ok := trainings[a.Training]; !ok {
			fail("training", "未知的培训编号 "+a.Training+"（请先导入培训）", "unknown training "+a.Training+" (import the trainings first)")
		} else if t.HeldOn.After(b.today) {
			fail("training", "培训 "+a.Training+" 尚未举行（"+t.HeldOn.String()+"）", "training "+a.Training+" has not happened yet ("+t.HeldOn.String()+")")
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
		old, exists := stored[attendanceKey(a)]
		keep(b, "org_id", &a.OrgNo, old.OrgNo)
		put(p, &p.Write.TrainingAttendances, a, exists, exists && old != a)
	}
	return p
}
