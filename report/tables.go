package report

import (
	"fmt"

	"hezuo"
)

// figure is one row of the key-figures table: its name and unit in both
// languages, how its cell is stored, and how to read it from Stats (counts
// and fen as float64, shares as decimals).
type figure struct {
	zh, en, unitZH, unitEN string
	kind                   CellKind
	get                    func(*hezuo.Stats) float64
}

func cnt(f func(*hezuo.Stats) int) func(*hezuo.Stats) float64 {
	return func(s *hezuo.Stats) float64 { return float64(f(s)) }
}

// keyFigures are the seed article's figures, and a few more, in report order.
var keyFigures = []figure{
	{"农民专业合作组织", "cooperative organizations", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Total })},
	{"　其中：农民专业合作社", "  professional cooperatives", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Cooperatives })},
	{"　　　　产业协会", "  industry associations", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Associations })},
	{"　　　　联合社", "  cooperative unions", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Unions })},
	{"已登记注册的组织", "registered organizations", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Orgs.Registered })},
	{"合作社注册会员", "cooperative members", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Cooperatives.Members })},
	{"合作社党员", "party members in cooperatives", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Cooperatives.PartyMembers })},
	{"合作社带动农户", "households driven by cooperatives", "户", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Cooperatives.HouseholdsDriven })},
	{"产业协会会员", "association members", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Associations.Members })},
	{"产业协会党员", "party members in associations", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Associations.PartyMembers })},
	{"各类组织会员合计", "members of all organizations", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.AllMembers })},
	{"合作组织党支部", "party branches", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.PartyOrgs.Branches })},
	{"合作组织党总支", "general branches", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.PartyOrgs.GeneralBranches })},
	{"合作组织党委", "party committees", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.PartyOrgs.Committees })},
	{"联合党支部", "joint branches", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.PartyOrgs.JointBranches })},
	{"产业党小组", "industry party groups", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.PartyOrgs.PartyGroups })},
	{"党建工作指导员", "instructors dispatched", "名", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Instructors.Dispatched })},
	{"派驻指导员的组织", "orgs with an instructor", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Instructors.OrgsCovered })},
	{"指导员发展党员", "members developed by instructors", "名", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Instructors.MembersDeveloped })},
	{"入党积极分子", "activists", "名", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Instructors.Activists })},
	{"参与包村联户的单位", "units in 包村联户 pairings", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.Units })},
	{"包扶的合作组织", "orgs assisted", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.OrgsAssisted })},
	{"党员结对帮扶农户", "households paired", "户", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.HouseholdsPaired })},
	{"帮助脱贫致富", "people out of poverty", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Assistance.PeopleOutOfPoverty })},
	{"党员农贷笔数", "party-member loans", "笔", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Loans.Count })},
	{"党员农贷资金", "party-member loans, amount", "万元", "10k yuan", CellWan, func(s *hezuo.Stats) float64 { return float64(s.Loans.TotalFen) }},
	{"　其中用于合作组织发展", "  of it for cooperative development", "万元", "10k yuan", CellWan, func(s *hezuo.Stats) float64 { return float64(s.Loans.ToCooperativesFen) }},
	{"培训班", "training sessions", "次", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Training.Sessions })},
	{"参训会员", "training attendances", "人次", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Training.Attendances })},
	{"参训人数（不重复）", "people trained (distinct)", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Training.People })},
	{"合作组织中的党员", "party members in the organizations", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Talent.PartyMembers })},
	{"农村专业技术人才", "rural technical talents", "人", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Talent.TechnicalTalents })},
	{"人才占合作社会员比例", "talent share of cooperative members", "%", "%", CellShare, func(s *hezuo.Stats) float64 { return s.Talent.ShareOfCooperativeMembers }},
	{"人才占全部会员比例", "talent share of all members", "%", "%", CellShare, func(s *hezuo.Stats) float64 { return s.Talent.ShareOfAllMembers }},
	{"党的工作空白点", "blank spots", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Coverage.Uncovered })},
	{"应建未建", "should build, not built", "个", "", CellInt, cnt(func(s *hezuo.Stats) int { return s.Coverage.ShouldBuildNotBuilt })},
}

// cell returns the figure's value as a cell.
func (l lang) cell(k CellKind, v float64) Cell {
	switch k {
	case CellWan:
		return wanCell(int64(v))
	case CellShare:
		return share(v)
	}
	return l.num(int(v))
}

// changeCell returns the change from then to now as a signed cell.
func (l lang) changeCell(k CellKind, now, then float64) Cell {
	switch k {
	case CellWan:
		d := wan(int64(now)) - wan(int64(then))
		return Cell{Text: fmt.Sprintf("%+.2f", d), Num: d, Kind: CellWan}
	case CellShare:
		d := now - then
		return Cell{Text: fmt.Sprintf("%+.1f", d*100) + l.t("个百分点", " pp"), Num: d, Kind: CellShare}
	}
	return l.delta(int(now), int(then))
}

// keyTable is the table of key figures, with the comparison when asked.
func (b *builder) keyTable() *Table {
	l, c := b.l, b.in.Compare
	t := &Table{Sheet: l.t("主要指标", "Key figures"), Caption: l.t("主要指标", "Key figures"),
		Header: []string{l.t("指标", "Figure"), l.t("单位", "Unit"), l.date(b.in.AsOf)}}
	if c != nil {
		t.Header = append(t.Header, l.date(b.in.CompareDay), l.t("增减", "Change"))
	}
	for _, f := range keyFigures {
		unit := l.t(f.unitZH, f.unitEN)
		row := []Cell{txt(l.t(f.zh, f.en)), txt(unit), l.cell(f.kind, f.get(b.s))}
		if c != nil {
			row = append(row, l.cell(f.kind, f.get(c)), l.changeCell(f.kind, f.get(b.s), f.get(c)))
		}
		t.Rows = append(t.Rows, row)
	}
	t.Notes = []string{l.t("会员、党员（分类型）按会员资格计数，同一人加入多个组织的分别计算；“合作组织中的党员”和“农村专业技术人才”按人计数，互不重复。",
		"Members and party members by kind count memberships (a person in two organizations counts in each); party members in the organizations and technical talents count people, without overlap.")}
	return b.table(t)
}
