package hezuo

import (
	"fmt"
	"strings"
)

// Duties (分工) of a committee member (RoleCommittee): the organization,
// publicity and discipline members a branch committee has besides its
// secretary (条例 Ch. 6; domain-rules.md §1).
const (
	DutyOrganization = "organization" // 组织委员
	DutyPublicity    = "publicity"    // 宣传委员
	DutyDiscipline   = "discipline"   // 纪检委员
)

// Post is a post as a person holds it: a role, with a duty for a committee
// member, and its names.
type Post struct {
	Role, Duty string
	ZH, EN     string
}

// Posts lists every post in the order forms and templates offer them; its
// Chinese names are what the 职务 column holds.
var Posts = []Post{
	{RoleSecretary, "", "书记", "secretary"},
	{RoleDeputy, "", "副书记", "deputy secretary"},
	{RoleCommittee, DutyOrganization, "组织委员", "organization member"},
	{RoleCommittee, DutyPublicity, "宣传委员", "publicity member"},
	{RoleCommittee, DutyDiscipline, "纪检委员", "discipline member"},
	{RoleCommittee, "", "委员", "committee member"},
	{RoleLeader, "", "党小组长", "party group leader"},
}

// PostOf returns the post of a role and duty; ok is false for an unknown
// pair (a duty outside the committee, an unknown role).
func PostOf(role, duty string) (Post, bool) {
	for _, p := range Posts {
		if p.Role == role && p.Duty == duty {
			return p, true
		}
	}
	return Post{}, false
}

// ParsePost reads a post's Chinese name ("组织委员"), English name or role
// key ("secretary"), or a common synonym (支部书记, 支委).
func ParsePost(s string) (Post, bool) {
	s = strings.TrimSpace(s)
	switch s {
	case "支部书记", "党支部书记", "党组织书记":
		s = "书记"
	case "支部副书记", "党支部副书记":
		s = "副书记"
	case "支委", "支部委员", "委员会委员", "党委委员":
		s = "委员"
	case "组长", "党小组组长":
		s = "党小组长"
	}
	for _, p := range Posts {
		if s == p.ZH || strings.EqualFold(s, p.EN) || (p.Duty == "" && s == p.Role) || (p.Duty != "" && s == p.Duty) {
			return p, true
		}
	}
	return Post{}, false
}

// Post returns the officer's post (the zero Post when unknown).
func (o *Officer) Post() Post {
	p, _ := PostOf(o.Role, o.Duty)
	return p
}

// Leading reports whether a role is one of a branch's leading members
// (支部领导成员): the secretary, a deputy secretary or a committee member.
// A party group leader (党小组长) is not.
func Leading(role string) bool {
	return role == RoleSecretary || role == RoleDeputy || role == RoleCommittee
}

// Validate checks the officer's own fields: the party organization's
// number, the ID number (normalised in place), a known post, the period
// and a start not after today (a post not yet taken is not recorded).
func (o *Officer) Validate(today Date) error {
	rec := "任职 " + o.PartyOrg
	c := boundsOf(rec, o, today)
	c.required(rec, "party_org", o.PartyOrg, "缺少党组织编号", "party organization number missing")
	if id, _, _, err := ParseIDNumber(o.IDNumber, today); err != nil {
		for _, e := range FieldErrors(err) {
			c.add(Invalid(rec, "id_number", e.ZH, e.EN))
			break
		}
	} else {
		o.IDNumber = id
	}
	if _, ok := PostOf(o.Role, o.Duty); !ok {
		c.add(Invalid(rec, "role", fmt.Sprintf("职务无效：%s %s", o.Role, o.Duty), fmt.Sprintf("unknown post %s %s", o.Role, o.Duty)))
	}
	c.add(o.Period.Validate(rec))
	if o.From.After(today) {
		c.add(Invalid(rec, "from", fmt.Sprintf("任职日期 %s 晚于今天 %s", o.From, today), fmt.Sprintf("the start %s is after today (%s)", o.From, today)))
	}
	return c.err()
}

// OfficerItem is a post as a party organization's page lists it: the
// person's name and masked ID number, the post, its period, and whether
// the person is a 致富能手/技术骨干 (Leader) or a 农村专业技术人才 (Talent)
// on the day the list was read. ID is the post's database id, which the
// page's "离任" form sends back (ID numbers never travel in forms).
type OfficerItem struct {
	ID       int64  `json:"-"`
	PartyOrg string `json:"party_org"`
	Name     string `json:"name"`
	IDNumber string `json:"id_number"` // masked
	Role     string `json:"role"`
	Duty     string `json:"duty,omitempty"`
	Period
	Leader bool `json:"leader"`
	Talent bool `json:"talent"`
}

// Post returns the item's post.
func (o *OfficerItem) Post() Post {
	p, _ := PostOf(o.Role, o.Duty)
	return p
}
