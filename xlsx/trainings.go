package xlsx

import "hezuo"

// modeChoices maps the accepted 方式 cells to training modes.
var modeChoices = map[string]string{"现场": hezuo.ModeOnSite, "现场培训": hezuo.ModeOnSite, "on_site": hezuo.ModeOnSite,
	"远程": hezuo.ModeRemote, "远程教育": hezuo.ModeRemote, "remote": hezuo.ModeRemote}

// trainingsKind is the training sessions: the key is 培训编号. Attendances
// are the attendances KIND.
var trainingsKind = addKind(110, kindOf(&Schema{Kind: "trainings", Sheet: "培训", ZH: "培训", EN: "training", KeyZH: "培训编号",
	TitleZH: "培训", TitleEN: "Trainings", platform: true,
	Columns: []Column{
		{Key: "no", ZH: "培训编号", Type: TKey, Required: true, Text: true, Example: "PX-2021-001", NoteZH: "每期培训唯一的编号", NoteEN: "the session's unique number"},
		{Key: "held_on", ZH: "日期", Aliases: []string{"培训日期"}, Type: TDate, Required: true, Example: "2021-04-10", NoteZH: "培训日期", NoteEN: "date"},
		{Key: "topic", ZH: "主题", Aliases: []string{"培训主题"}, Type: TText, Required: true, Example: "黑木耳栽培技术", NoteZH: "培训主题", NoteEN: "topic"},
		{Key: "organizer", ZH: "主办单位", Aliases: []string{"主办部门"}, Type: TKey, Required: true, Text: true, Example: "U-NYJ",
			NoteZH: "主办单位代码（须已登记）", NoteEN: "the organizing unit's code (registered)"},
		{Key: "industry", ZH: "产业", Type: TText, Example: "食用菌", NoteZH: "可选", NoteEN: "optional"},
		{Key: "mode", ZH: "方式", Aliases: []string{"培训方式"}, Type: TEnum, Required: true, Choices: []string{"现场", "远程"}, Example: "现场",
			NoteZH: "现场 或 远程（农村党员干部现代远程教育）", NoteEN: "现场 (on site) or 远程 (remote education)"},
		{Key: "hours", ZH: "学时", Type: TInt, Required: true, Example: "4", NoteZH: "学时数，至少 1", NoteEN: "class hours, at least 1"},
		{Key: "place", ZH: "地点", Aliases: []string{"培训地点"}, Type: TCode, Required: true, Text: true, Example: "222424103201",
			NoteZH: "举办地的 6、9 或 12 位区划代码", NoteEN: "6-, 9- or 12-digit division code of the place"},
	},
}, spec[hezuo.Training]{
	read: readTraining,
	dups: []dupKey[hezuo.Training]{{"no", "与第 %d 行重复（同一培训编号）", "same training number as row %d", func(t hezuo.Training) string { return t.No }}},
	probe: func(ds *hezuo.Dataset, t hezuo.Training) {
		ds.Divisions = append(ds.Divisions, hezuo.Division{Code: t.Place})
	},
	refs:   func(t hezuo.Training) []colRef { return refsTo("place", RefDivision, t.Place, "no", RefTraining, t.No) },
	plan:   planTrainings,
	export: exportTrainings,
}))

func readTraining(r *rowCtx) (hezuo.Training, bool) {
	t := hezuo.Training{No: Key(r.raw("no")), HeldOn: r.date("held_on", true), Topic: r.text("topic"),
		Organizer: Key(r.raw("organizer")), Industry: r.text("industry"), Hours: r.integer("hours"), Place: r.code("place")}
	r.need("no", t.No)
	r.need("topic", t.Topic)
	r.need("organizer", t.Organizer)
	t.Mode = parsed(r, "mode", among(modeChoices), "方式 %q 无效（现场 或 远程）", "mode %q must be 现场 or 远程")
	r.need("place", t.Place)
	if r.bad || !r.domain(t.Validate(), nil) {
		return t, false
	}
	return t, true
}

func planTrainings(b *Batch, have *hezuo.Dataset, rows []row[hezuo.Training]) *Plan {
	divs, units := divisionSet(have), unitSet(have)
	stored := keyed(have.Trainings, func(t hezuo.Training) string { return t.No })
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range rows {
		t, n := row.rec, len(b.Problems)
		if !units[t.Organizer] {
			b.fail(row.num, "organizer", "未知的单位代码 "+t.Organizer, "unknown unit "+t.Organizer)
		}
		if !divs[t.Place] {
			b.fail(row.num, "place", "未知的区划 "+t.Place+"（请先导入区划）", "unknown division "+t.Place)
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[t.No]
		keep(b, "industry", &t.Industry, old.Industry)
		put(p, &p.Write.Trainings, t, exists, exists && old != t)
	}
	return p
}

func exportTrainings(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	return table(ds.Trainings, func(t hezuo.Training) []any {
		mode := "现场"
		if t.Mode == hezuo.ModeRemote {
			mode = "远程"
		}
		return []any{t.No, t.HeldOn, t.Topic, t.Organizer, t.Industry, mode, t.Hours, t.Place}
	})
}
