package rules

import (
	"fmt"
	"strings"

	"hezuo"
)

// RuleOfficersLeaders is the rule of the suggestion naming the leading
// members of a covering party organization who are neither 致富能手 nor
// 技术骨干. The secretary named by Facts.Secretary keeps its own warning,
// RuleSecretaryLeader; this rule names everyone else.
const RuleOfficersLeaders = "officers_leaders"

// citeLeaders is the seed's requirement on branch leaders (支部领导成员).
var citeLeaders = cite{
	"县《农民合作组织党建工作思考》：把好支部领导成员的选拔关，要求他们必须是在“致富先锋工程”推进过程中涌现出的“致富能手和技术骨干”",
	"the county's account of party building in farmers' cooperative organizations: branch leaders are to be chosen from the successful farmers and technical backbones (致富能手和技术骨干) the Vanguards of Prosperity programme brought forward",
}

// Officer is a leading member (hezuo.Leading: secretary, deputy secretary,
// committee member) of a party organization covering the org, in office on
// the day. IsLeader reports the person's 致富能手/技术骨干 flag on the day
// (hezuo.Person.LeaderSince), the one the seed asks for. IsTalent reports
// the 农村专业技术人才 flag (TalentSince): a technical talent is not by that
// alone a 技术骨干 — the seed means people the county's programme brought
// forward and recognised, which the leader flag records — so it only
// changes the wording of the suggestion (register the recognition).
type Officer struct {
	PartyOrg string // Cover.No of the party organization
	Role     string // hezuo.RoleSecretary, RoleDeputy or RoleCommittee
	Duty     string // a committee member's duty (hezuo.DutyOrganization …), "" when none
	Name     string
	IsLeader bool
	IsTalent bool
}

// leadingForm reports whether the officers of a form are branch leaders:
// those of a party group are not.
func leadingForm(form string) bool { return formRank[form] > formRank[hezuo.FormPartyGroup] }

// checkOfficers suggests, for each covering branch (or general branch,
// committee, joint branch), that its leading members who are neither
// 致富能手 nor 技术骨干 be chosen from them where possible. warned is the
// name of the secretary the RuleSecretaryLeader warning already named ("").
func (e *evaluator) checkOfficers(warned string) {
	for i := range e.f.Covers {
		c := &e.f.Covers[i]
		if !leadingForm(c.Form) {
			continue
		}
		var zh, en []string
		talents := false
		for _, o := range e.f.Officers {
			if o.PartyOrg != c.No || !hezuo.Leading(o.Role) || o.IsLeader || (o.Role == hezuo.RoleSecretary && o.Name == warned) {
				continue
			}
			post, _ := hezuo.PostOf(o.Role, o.Duty)
			if post.ZH == "" {
				post = hezuo.Post{ZH: "委员", EN: "committee member"}
			}
			z := post.ZH + o.Name
			if o.IsTalent {
				z += "（农村专业技术人才）"
				talents = true
			}
			zh, en = append(zh, z), append(en, "the "+post.EN+" "+o.Name)
		}
		if len(zh) == 0 {
			continue
		}
		note, noteEN := "", ""
		if talents {
			note = "；专业技术人才经“致富先锋工程”认定为技术骨干的，请登记认定日期"
			noteEN = "; a technical talent the programme recognised as a 技术骨干 needs that recognition recorded"
		}
		e.suggest(RuleOfficersLeaders,
			fmt.Sprintf("%s的%s不是致富能手或技术骨干，换届或调整时宜从致富能手和技术骨干中选拔%s（%s）", describeZH(c), strings.Join(zh, "、"), note, citeLeaders.zh),
			fmt.Sprintf("in %s, %s %s neither a successful farmer (致富能手) nor a technical backbone (技术骨干); at the next election or change, choose branch leaders from them where possible%s (%s)",
				describeEN(c), joinEN(en), isAre(len(en)), noteEN, citeLeaders.en))
	}
}

// joinEN joins English items as "a", "a and b", "a, b and c".
func joinEN(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
