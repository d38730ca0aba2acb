package hezuo

import (
	"fmt"
	"slices"
)

// Party organization forms. The first three are the seats every county has;
// the rest are built in or for cooperative organizations.
const (
	FormVillage       = "village"        // 村党组织
	FormTownship      = "township"       // 乡镇党委
	FormDepartment    = "department"     // 涉农部门党组织
	FormBranch        = "branch"         // 党支部
	FormGeneralBranch = "general_branch" // 党总支
	FormCommittee     = "committee"      // 基层党委
	FormJointBranch   = "joint_branch"   // 联合党支部
	FormPartyGroup    = "party_group"    // 产业党小组
)

// FormNames gives each form's Chinese name.
var FormNames = map[string]string{
	FormVillage: "村党组织", FormTownship: "乡镇党委", FormDepartment: "部门党组织",
	FormBranch: "党支部", FormGeneralBranch: "党总支", FormCommittee: "党委",
	FormJointBranch: "联合党支部", FormPartyGroup: "产业党小组",
}

// Founding methods (组建方式) named in the seed.
var FoundingMethods = []string{"支部领着建", "党员或经济能人带头建", "企业拉动建", "市场催动建"}

// Joint-branch kinds.
const (
	JointVillageOrg = "village_org"   // 村会联合: an org with its village's party organization
	JointCrossVill  = "cross_village" // 跨村组建: several orgs across villages
)

// PartyOrg is a party organization. No (党组织编号) is its key. Parent is the
// organization it sits in (a group inside a branch, a branch under a
// township committee); Manager the one that manages it. Orgs and Villages are
// the cooperative organizations and villages it covers. Seat is the division
// it belongs to (a village, a township, or the county for departments).
type PartyOrg struct {
	ID             int64  `json:"-" bound:"-"`
	No             string `json:"no" bound:"key"`
	Name           string `json:"name" bound:"name"`
	Form           string `json:"form" bound:"enum"`
	JointKind      string `json:"joint_kind,omitempty" bound:"enum"`
	Seat           string `json:"seat" bound:"code"` // 12-digit division code
	Parent         string `json:"parent,omitempty" bound:"key"`
	Manager        string `json:"manager,omitempty" bound:"key"`
	FoundingMethod string `json:"founding_method,omitempty" bound:"enum"`
	TermYears      int    `json:"term_years,omitempty" bound:"int:0:10"`
	ElectedOn      Date   `json:"elected_on,omitempty" bound:"date"` // last election (换届)
	// Elections are its elections (换届) known, in any order: ElectedOn,
	// when set, is the latest of them and counts as one whether listed or
	// not. The term rule on a day reads the latest on or before the day.
	Elections []Election `json:"elections,omitempty" bound:"-"`
	Orgs      []string   `json:"orgs,omitempty" bound:"keys"` // Org.OrgNo
	Villages  []string   `json:"villages,omitempty" bound:"codes"`
	Period
}

// BuiltInOrgs reports whether the form is one built in or for cooperative
// organizations (counted in party_orgs.* figures).
func BuiltInOrgs(form string) bool {
	switch form {
	case FormBranch, FormGeneralBranch, FormCommittee, FormJointBranch, FormPartyGroup:
		return true
	}
	return false
}

// Validate checks the party organization's own fields.
func (p *PartyOrg) Validate() error {
	rec := "党组织 " + p.No
	c := boundsOf(rec, p, Today(China))
	c.required("党组织 "+p.Name, "no", p.No, "缺少党组织编号", "party organization number missing")
	c.required(rec, "name", p.Name, "缺少名称", "name missing")
	if _, ok := FormNames[p.Form]; !ok {
		c.add(Invalid(rec, "form", fmt.Sprintf("组织形式 %q 无效", p.Form), fmt.Sprintf("unknown form %q", p.Form)))
	}
	if len(p.Seat) != 12 || !allDigits(p.Seat) {
		c.add(Invalid(rec, "seat", "所属区划应为 12 位代码", "seat must be a 12-digit division code"))
	}
	if BuiltInOrgs(p.Form) && len(p.Orgs) == 0 {
		c.add(Invalid(rec, "orgs", "合作组织党组织至少要覆盖一个合作组织", "a cooperative party organization must cover at least one org"))
	}
	if p.TermYears < 0 {
		c.add(Invalid(rec, "term_years", "任期不能为负数", "term cannot be negative"))
	}
	for i := range p.Elections {
		e := &p.Elections[i]
		c.add(Bounded(rec, e, Today(China)))
		switch {
		case e.On.IsZero():
			c.add(Invalid(rec, "elections", "换届日期缺失", "election date missing"))
		case p.ElectedOn.IsZero() || e.On.After(p.ElectedOn):
			c.add(Invalid(rec, "elections", fmt.Sprintf("换届日期 %s 晚于最近换届日期 %s", e.On, p.ElectedOn),
				fmt.Sprintf("election on %s after the last election (%s)", e.On, p.ElectedOn)))
		}
	}
	c.add(p.Period.Validate(rec))
	return c.err()
}

// Election is one election (换届) of a party organization: the day it was
// held and an optional note (e.g. 选举产生新一届支部委员会).
type Election struct {
	On   Date   `json:"on" bound:"date"`
	Note string `json:"note,omitempty" bound:"note:500"`
}

// ElectionDays returns the days of p's elections, ElectedOn included,
// sorted and distinct.
func (p *PartyOrg) ElectionDays() []Date {
	var out []Date
	if !p.ElectedOn.IsZero() {
		out = append(out, p.ElectedOn)
	}
	for _, e := range p.Elections {
		if !e.On.IsZero() {
			out = append(out, e.On)
		}
	}
	slices.SortFunc(out, func(a, b Date) int { return a.t.Compare(b.t) })
	return slices.CompactFunc(out, func(a, b Date) bool { return a.Equal(b) })
}

// Officer roles.
const (
	RoleSecretary = "secretary" // 书记
	RoleDeputy    = "deputy"    // 副书记
	RoleCommittee = "committee" // 委员
	RoleLeader    = "leader"    // 党小组长
)

// Officer is a person holding a post in a party organization during Period.
// Duty is a committee member's portfolio (DutyOrganization …, "" when none
// or for other roles); see sqldb/officers.go.
type Officer struct {
	PartyOrg string `json:"party_org" bound:"key"`
	IDNumber string `json:"id_number" bound:"id"`
	Role     string `json:"role" bound:"enum"`
	Duty     string `json:"duty,omitempty" bound:"enum"`
	Period
}

// Department is a county agriculture-related department (涉农部门) with the
// industries it answers for and its party organization.
type Department struct {
	Code       string   `json:"code" bound:"code"`
	Name       string   `json:"name" bound:"name"`
	County     string   `json:"county" bound:"code"` // 6 digits
	PartyOrg   string   `json:"party_org,omitempty" bound:"key"`
	Industries []string `json:"industries" bound:"names"`
}

// Instructor is a party-building instructor (党建工作指导员), a person sent by
// a township committee (Township, 9 digits).
type Instructor struct {
	IDNumber string `json:"id_number" bound:"id"`
	Township string `json:"township" bound:"code"`
	Unit     string `json:"unit,omitempty" bound:"name"` // where the instructor works
}

// Dispatch sends an instructor to an org for Period.
type Dispatch struct {
	IDNumber string `json:"id_number" bound:"id"` // the instructor
	OrgNo    string `json:"org_id" bound:"key"`
	Period
}
