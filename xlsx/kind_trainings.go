package xlsx

import (
	"fmt"

	"hezuo"
)

// modeChoices maps the accepted 方式 cells to training modes.
var modeChoices = map[string]string{"现场": hezuo.ModeOnSite, "现场培训": hezuo.ModeOnSite, "on_site": hezuo.ModeOnSite,
	"远程": hezuo.ModeRemote, "远程教育": hezuo.ModeRemote, "remote": hezuo.ModeRemote}

func init() {
	addSchema(&Schema{Kind: "trainings", Sheet: "培训", ZH: "培训", EN: "training", KeyZH: "培训编号",
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
		rows:   func() kindRows { return &trainingRows{seen: map[string]int{}} },
		export: exportTrainings,
	})
}

type trainingRow struct {
	num int
	t   hezuo.Training
}

// trainingRows converts rows of training sessions: the key is 培训编号.
// Attendances are the attendances KIND.
type trainingRows struct {
	rows []trainingRow
	seen map[string]int
}

func (tr *trainingRows) platforms() {}

func (tr *trainingRows) add(r *rowCtx) {
	t := hezuo.Training{No: Key(r.raw("no")), HeldOn: r.date("held_on", true), Topic: r.text("topic"),
		Organizer: Key(r.raw("organizer")), Industry: r.text("industry"), Hours: r.integer("hours"), Place: r.code("place")}
	r.need("no", t.No)
	r.need("topic", t.Topic)
	r.need("organizer", t.Organizer)
	if m := r.text("mode"); r.need("mode", m) {
		if t.Mode = modeChoices[m]; t.Mode == "" {
			r.fail("mode", fmt.Sprintf("方式 %q 无效（现场 或 远程）", m), fmt.Sprintf("mode %q must be 现场 or 远程", m))
		}
	}
	r.need("place", t.Place)
	if r.bad {
		return
	}
	if err := t.Validate(); err != nil {
		r.domain(err, nil)
		return
	}
	if first, dup := tr.seen[t.No]; dup {
		r.fail("no", fmt.Sprintf("与第 %d 行重复（同一培训编号）", first), fmt.Sprintf("same training number as row %d", first))
		return
	}
	tr.seen[t.No] = r.num
	tr.rows = append(tr.rows, trainingRow{num: r.num, t: t})
}

func (tr *trainingRows) finish(*Batch) {}

func (tr *trainingRows) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	for _, r := range tr.rows {
		ds.Divisions = append(ds.Divisions, hezuo.Division{Code: r.t.Place})
	}
	return ds
}

func (tr *trainingRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	divs, units := map[string]bool{}, map[string]bool{}
	for _, d := range have.Divisions {
		divs[d.Code] = true
	}
	for _, u := range have.Units {
		units[u.Code] = true
	}
	stored := map[string]hezuo.Training{}
	for _, t := range have.Trainings {
		stored[t.No] = t
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, row := range tr.rows {
		n := len(b.Problems)
		if !units[row.t.Organizer] {
			b.Problems = append(b.Problems, b.problem(row.num, "organizer", "未知的单位代码 "+row.t.Organizer, "unknown unit "+row.t.Organizer))
		}
		if !divs[row.t.Place] {
			b.Problems = append(b.Problems, b.problem(row.num, "place", "未知的区划 "+row.t.Place+"（请先导入区划）", "unknown division "+row.t.Place))
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[row.t.No]
		if exists && !b.has("industry") {
			row.t.Industry = old.Industry
		}
		changed := exists && old != row.t
		if !exists || changed {
			p.Write.Trainings = append(p.Write.Trainings, row.t)
		}
		p.count(!exists, changed)
	}
	return p
}

func exportTrainings(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.Trainings))
	for _, t := range ds.Trainings {
		mode := "现场"
		if t.Mode == hezuo.ModeRemote {
			mode = "远程"
		}
		out = append(out, []any{t.No, t.HeldOn, t.Topic, t.Organizer, t.Industry, mode, t.Hours, t.Place})
	}
	return out
}
