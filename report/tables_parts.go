package report

import (
	"hezuo"
)

// column is one numeric column of a per-division table.
type column struct {
	zh, en string
	kind   CellKind
	get    func(*hezuo.Stats) float64
}

// partTable returns a table with one row per part and a total row holding
// the area's own figures.
func (b *builder) partTable(sheetZH, sheetEN, captionZH, captionEN string, cols []column) *Table {
	l := b.l
	t := &Table{Sheet: l.t(sheetZH, sheetEN), Caption: l.t(captionZH, captionEN), Total: true}
	t.Header = []string{l.t(partNameZH(b.in.PartLevel), partLabelEN(b.in.PartLevel))}
	for _, c := range cols {
		t.Header = append(t.Header, l.t(c.zh, c.en))
	}
	row := func(name string, s *hezuo.Stats) []Cell {
		r := []Cell{txt(name)}
		for _, c := range cols {
			r = append(r, l.cell(c.kind, c.get(s)))
		}
		return r
	}
	for _, p := range b.in.Parts {
		name := p.Name
		if name == "" {
			name = p.Code
		}
		t.Rows = append(t.Rows, row(name, p.Stats))
	}
	t.Rows = append(t.Rows, row(l.t("合计", "Total"), b.s))
	return b.table(t)
}

func partLabelEN(level string) string {
	if level == "" {
		return "Division"
	}
	return string(level[0]-32) + level[1:]
}

// partTables are the tables per division below the area: orgs and members,
// party organizations and coverage, and the platforms when they have data.
func (b *builder) partTables() []*Table {
	if len(b.in.Parts) == 0 {
		return nil
	}
	l := b.l
	p := partNameZH(b.in.PartLevel)
	ts := []*Table{
		b.partTable("分"+p+"组织和会员", "Orgs by division", "分"+p+"合作组织和会员情况", "Organizations and members by division", []column{
			{"组织数", "Orgs", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Total })},
			{"合作社", "Coops", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Cooperatives })},
			{"产业协会", "Assocs", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Associations })},
			{"联合社", "Unions", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Unions })},
			{"已登记", "Registered", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Registered })},
			{"会员", "Members", CellInt, cnt(func(s *hezuo.Stats) int { return s.AllMembers })},
			{"党员", "Party members", CellInt, cnt(func(s *hezuo.Stats) int { return s.Talent.PartyMembers })},
			{"技术人才", "Talents", CellInt, cnt(func(s *hezuo.Stats) int { return s.Talent.TechnicalTalents })},
			{"带动农户", "Households", CellInt, cnt(func(s *hezuo.Stats) int {
				return s.Cooperatives.HouseholdsDriven + s.Associations.HouseholdsDriven + s.Unions.HouseholdsDriven
			})},
		}),
		b.partTable("分"+p+"党组织和覆盖", "Party orgs by division", "分"+p+"党组织建设和覆盖情况", "Party organizations and coverage by division", []column{
			{"党支部", "Branches", CellInt, cnt(func(s *hezuo.Stats) int {
				return s.PartyOrgs.Branches + s.PartyOrgs.GeneralBranches + s.PartyOrgs.Committees
			})},
			{"联合支部", "Joint", CellInt, cnt(func(s *hezuo.Stats) int { return s.PartyOrgs.JointBranches })},
			{"党小组", "Groups", CellInt, cnt(func(s *hezuo.Stats) int { return s.PartyOrgs.PartyGroups })},
			{"指导员", "Instructors", CellInt, cnt(func(s *hezuo.Stats) int { return s.Instructors.Dispatched })},
			{"单独建", "Own org", CellInt, cnt(func(s *hezuo.Stats) int { return s.Coverage.OwnOrg })},
			{"联合覆盖", "Joint/group", CellInt, cnt(func(s *hezuo.Stats) int { return s.Coverage.JointOrGroup })},
			{"指导员覆盖", "Instructor", CellInt, cnt(func(s *hezuo.Stats) int { return s.Coverage.InstructorOnly })},
			{"空白点", "Blank", CellInt, cnt(func(s *hezuo.Stats) int { return s.Coverage.Uncovered })},
			{"应建未建", "Should build", CellInt, cnt(func(s *hezuo.Stats) int { return s.Coverage.ShouldBuildNotBuilt })},
		}),
	}
	ts[1].Notes = []string{l.t("党支部含党总支、党委。跨"+p+"的联合支部在所覆盖的各"+p+"分别计入，合计行按全域去重计数。",
		"Branches include general branches and committees. A joint branch spanning divisions counts in each; the total row counts it once.")}
	if b.platformsActive() {
		ts = append(ts, b.partTable("分"+p+"平台", "Platforms by division", "分"+p+"平台建设情况", "Support platforms by division", []column{
			{"包村单位", "Units", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.Units })},
			{"包扶组织", "Orgs assisted", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.OrgsAssisted })},
			{"结对帮扶户", "Households", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.HouseholdsPaired })},
			{"脱贫人数", "Out of poverty", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.PeopleOutOfPoverty })},
			{"农贷（万元）", "Loans (10k yuan)", CellWan, func(s *hezuo.Stats) float64 { return float64(s.Loans.TotalFen) }},
			{"培训班次", "Sessions", CellInt, cnt(func(s *hezuo.Stats) int { return s.Training.Sessions })},
			{"参训人次", "Attendances", CellInt, cnt(func(s *hezuo.Stats) int { return s.Training.Attendances })},
		}))
	}
	return ts
}

// kindTable gives the figures per org kind and how each kind is covered.
func (b *builder) kindTable() *Table {
	l, s, d := b.l, b.s, b.d
	t := &Table{Sheet: l.t("分类型", "By kind"), Caption: l.t("分类型合作组织情况", "Organizations by kind"), Total: true,
		Header: []string{l.t("类型", "Kind"), l.t("组织数", "Orgs"), l.t("已登记", "Registered"), l.t("会员", "Members"),
			l.t("党员", "Party members"), l.t("正式党员", "Full members"), l.t("带动农户", "Households"),
			l.t("单独建", "Own org"), l.t("联合覆盖", "Joint/group"), l.t("指导员覆盖", "Instructor"), l.t("空白点", "Blank")}}
	var sum [10]int
	for _, k := range kinds {
		f, cv := s.ByKind(k), d.coverByKind[k]
		vals := []int{f.Orgs, d.registered[k], f.Members, f.PartyMembers, f.FullMembers, f.HouseholdsDriven,
			cv[covOwn], cv[covJoint], cv[covInstructor], cv[covNone]}
		row := []Cell{txt(l.kindName(k))}
		for i, v := range vals {
			row = append(row, l.num(v))
			sum[i] += v
		}
		t.Rows = append(t.Rows, row)
	}
	row := []Cell{txt(l.t("合计", "Total"))}
	for _, v := range sum {
		row = append(row, l.num(v))
	}
	t.Rows = append(t.Rows, row)
	return b.table(t)
}
