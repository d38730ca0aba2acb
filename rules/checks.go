package rules

import (
	"fmt"

	"hezuo"
)

// RuleTerm is the rule of a reason about a term when the form has no
// settings key of its own.
const RuleTerm = "term"

// checkCovers warns about irregular party organizations covering the org:
// joint branches too wide or too small, branches too small or lacking the
// committee their size requires, and terms that have run out.
func (e *evaluator) checkCovers() {
	s := e.s
	for i := range e.f.Covers {
		c := &e.f.Covers[i]
		if formRank[c.Form] == 0 {
			continue
		}
		zh, en := describeZH(c), describeEN(c)
		if c.Form == hezuo.FormJointBranch {
			if c.Units > s.JointMaxUnits {
				src := source(KeyJointMaxUnits)
				e.warn(KeyJointMaxUnits,
					fmt.Sprintf("%s覆盖 %d 个单位，超过一般不超过 %d 个的规定（%s）", zh, c.Units, s.JointMaxUnits, src.zh),
					fmt.Sprintf("%s covers %d units, more than the usual maximum of %d (%s)", en, c.Units, s.JointMaxUnits, src.en))
			}
			if c.FullMembers >= 0 && c.FullMembers < s.JointMinFull {
				src := source(KeyJointMinFull)
				e.warn(KeyJointMinFull,
					fmt.Sprintf("%s共有正式党员 %d 名，不足 %d 名（%s）", zh, c.FullMembers, s.JointMinFull, src.zh),
					fmt.Sprintf("%s has %s in total, fewer than %d (%s)", en, fullEN(c.FullMembers), s.JointMinFull, src.en))
			}
			e.checkJoint(c, zh, en)
		}
		if c.Form == hezuo.FormBranch && c.FullMembers < s.OwnOrgMinFull {
			src := source(KeyOwnOrgMinFull)
			e.warn(KeyOwnOrgMinFull,
				fmt.Sprintf("%s只有正式党员 %d 名，不足成立党支部所需的 %d 名（%s）", zh, c.FullMembers, s.OwnOrgMinFull, src.zh),
				fmt.Sprintf("%s has only %s, fewer than the %d a branch needs (%s)", en, fullEN(c.FullMembers), s.OwnOrgMinFull, src.en))
		}
		if (c.Form == hezuo.FormBranch || c.Form == hezuo.FormJointBranch) && c.FullMembers >= s.CommitteeMinFull && !c.HasCommittee {
			src := source(KeyCommitteeMinFull)
			e.warn(KeyCommitteeMinFull,
				fmt.Sprintf("%s有正式党员 %d 名（≥%d），应设立支部委员会，未设立（%s）", zh, c.FullMembers, s.CommitteeMinFull, src.zh),
				fmt.Sprintf("%s has %s (>= %d) but no branch committee, which it must have (%s)", en, fullEN(c.FullMembers), s.CommitteeMinFull, src.en))
		}
		e.checkTerm(c, zh, en)
	}
}

// checkTerm warns when c's term has ended on or before the day. A cover
// without an election date is not checked.
func (e *evaluator) checkTerm(c *Cover, zh, en string) {
	years, rule := c.TermYears, termKey(c.Form)
	if years == 0 {
		years = e.s.TermYears(c.Form)
	}
	if rule == "" {
		rule = RuleTerm
	}
	if years <= 0 || c.ElectedOn.IsZero() {
		return
	}
	end := c.ElectedOn.AddPeriod(years, 0) // 民法典 Art. 202: 29 Feb ends on 28 Feb
	if e.day.Before(end) {
		return
	}
	e.warn(rule,
		fmt.Sprintf("%s于 %s 选举产生，任期 %d 年，已于 %s 届满，应按期换届（%s）", zh, c.ElectedOn, years, end, citeTerms.zh),
		fmt.Sprintf("%s was elected on %s for %s; the term ended on %s: it must hold an election (%s)", en, c.ElectedOn, countEN(years, "year"), end, citeTerms.en))
}

// checkSecretary warns when the org's own or joint party organization has
// no secretary on record, or one who is not a 致富能手 or 技术骨干.
func (e *evaluator) checkSecretary() {
	if e.top == nil || e.top.Form == hezuo.FormPartyGroup {
		return
	}
	zh, en := describeZH(e.top), describeEN(e.top)
	sec := e.f.Secretary
	warned := ""
	switch {
	case sec == nil:
		e.warn(RuleSecretary,
			fmt.Sprintf("%s未登记书记（%s）", zh, citeBranchCh6.zh),
			fmt.Sprintf("%s has no secretary on record (%s)", en, citeBranchCh6.en))
	case !sec.IsLeader:
		e.warn(RuleSecretaryLeader,
			fmt.Sprintf("%s书记%s不是致富能手或技术骨干，支部领导成员应从“致富先锋”中的致富能手和技术骨干中选拔（%s）", zh, sec.Name, citeVanguard.zh),
			fmt.Sprintf("the secretary of %s, %s, is neither a successful farmer (致富能手) nor a technical backbone (技术骨干), as branch leaders should be (%s)", en, sec.Name, citeVanguard.en))
		warned = sec.Name
	}
	e.checkOfficers(warned)
}

// suggestSize suggests what the org's size allows: registering, a general
// branch or a committee, party groups inside a large branch.
func (e *evaluator) suggestSize() {
	f, s := e.f, e.s
	if !f.Registered && f.FullMembers >= s.OwnOrgMinFull {
		src := source(KeyOwnOrgMinFull)
		e.suggest(RuleRegistration,
			fmt.Sprintf("已有正式党员 %d 名（≥%d），登记注册后应单独建立党组织（%s）", f.FullMembers, s.OwnOrgMinFull, src.zh),
			fmt.Sprintf("it has %s (>= %d): once registered it must set up its own party organization (%s)", fullEN(f.FullMembers), s.OwnOrgMinFull, src.en))
	}
	if e.d.Required == RequiredOwnOrg {
		e.suggestForm()
	}
	for i := range f.Covers {
		c := &f.Covers[i]
		if c.Form == hezuo.FormBranch && c.FullMembers > s.BranchSoftMaxMembers {
			src := citeBranchArt4And13
			e.suggest(KeyBranchSoftMaxMembers,
				fmt.Sprintf("%s有正式党员 %d 名，超过一般不超过 %d 名的规模，可划分若干党小组（%s）", describeZH(c), c.FullMembers, s.BranchSoftMaxMembers, src.zh),
				fmt.Sprintf("%s has %s, above the usual %d: split its members into party groups (%s)", describeEN(c), fullEN(c.FullMembers), s.BranchSoftMaxMembers, src.en))
		}
	}
}
