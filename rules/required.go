package rules

import (
	"fmt"

	"hezuo"
)

// required decides what party organization the org must have.
func (e *evaluator) required() {
	f, s := e.f, e.s
	switch {
	case !f.Active:
		e.d.Required = RequiredNone
		e.reason(RuleActive,
			fmt.Sprintf("该组织在 %s 不存在（尚未成立或已注销），不作建立党组织要求", e.day),
			fmt.Sprintf("the org does not exist on %s (not yet founded, or dissolved): nothing is required", e.day))
	case f.Registered && f.FullMembers >= s.OwnOrgMinFull:
		e.d.Required = RequiredOwnOrg
		c := source(KeyOwnOrgMinFull)
		e.reason(KeyOwnOrgMinFull,
			fmt.Sprintf("已登记注册且有正式党员 %d 名（≥%d），应单独建立党组织（%s）", f.FullMembers, s.OwnOrgMinFull, c.zh),
			fmt.Sprintf("registered with %s (>= %d): must set up its own party organization (%s)", fullEN(f.FullMembers), s.OwnOrgMinFull, c.en))
	case f.FullMembers >= s.OwnOrgMinFull: // unregistered
		e.d.Required = RequiredGroupOrJoint
		e.reason(RuleRegistration,
			fmt.Sprintf("未登记注册，虽有正式党员 %d 名（≥%d），不要求单独建立党组织；应成立产业党小组挂靠村党组织，或加入联合党支部（%s）", f.FullMembers, s.OwnOrgMinFull, citeCounty.zh),
			fmt.Sprintf("not registered: although it has %s (>= %d), it need not set up its own party organization; it forms an industry party group attached to the village party organization or joins a joint branch (%s)", fullEN(f.FullMembers), s.OwnOrgMinFull, citeCounty.en))
	case f.FullMembers >= 1:
		e.d.Required = RequiredGroupOrJoint
		reg, regEN := "已登记注册", "registered"
		if !f.Registered {
			reg, regEN = "未登记注册", "not registered"
		}
		probZH, probEN := "", ""
		if f.ProbationaryMembers > 0 {
			probZH = fmt.Sprintf("，另有预备党员 %d 名不计入", f.ProbationaryMembers)
			probEN = ", not counting " + countEN(f.ProbationaryMembers, "probationary member")
		}
		c := citeBranchCh2.and(citeCounty)
		e.reason(KeyOwnOrgMinFull,
			fmt.Sprintf("%s，正式党员 %d 名（不足 %d 名%s），应成立产业党小组挂靠村党组织，或就近与其他组织成立联合党支部（%s）", reg, f.FullMembers, s.OwnOrgMinFull, probZH, c.zh),
			fmt.Sprintf("%s, %s (fewer than %d%s): forms an industry party group attached to the village party organization, or joins a joint branch with nearby orgs (%s)", regEN, fullEN(f.FullMembers), s.OwnOrgMinFull, probEN, c.en))
	case f.ProbationaryMembers >= 1 && s.ProbationaryCountsAsMember:
		e.d.Required = RequiredGroupOrJoint
		c := source(KeyProbationaryCountsAsMember)
		e.reason(KeyProbationaryCountsAsMember,
			fmt.Sprintf("无正式党员，有预备党员 %d 名，视为有党员：应成立产业党小组挂靠村党组织，或加入联合党支部（%s）", f.ProbationaryMembers, c.zh),
			fmt.Sprintf("no full party members but %d probationary: counts as having party members, so it forms an industry party group attached to the village party organization or joins a joint branch (%s)", f.ProbationaryMembers, c.en))
	case f.ProbationaryMembers >= 1:
		e.d.Required = RequiredInstructor
		e.reason(KeyProbationaryCountsAsMember,
			fmt.Sprintf("无正式党员，预备党员 %d 名按本县设置不视为有党员，由所在乡镇党委派驻党建工作指导员（%s）", f.ProbationaryMembers, citeCoverage.zh),
			fmt.Sprintf("no full party members; under the county's settings probationary members (here %d) do not count, so the township committee dispatches a party-building instructor (%s)", f.ProbationaryMembers, citeCoverage.en))
	default:
		e.d.Required = RequiredInstructor
		c := citeCoverage.and(citeCounty)
		e.reason(RuleInstructor,
			fmt.Sprintf("没有党员，暂不具备建立党组织条件，由所在乡镇党委派驻党建工作指导员（%s）", c.zh),
			fmt.Sprintf("no party members, so no party organization can be set up yet: the township committee dispatches a party-building instructor (%s)", c.en))
	}
}

// formRank orders the forms that count as coverage, strongest highest.
var formRank = map[string]int{
	hezuo.FormCommittee: 5, hezuo.FormGeneralBranch: 4, hezuo.FormBranch: 3,
	hezuo.FormJointBranch: 2, hezuo.FormPartyGroup: 1,
}

// ownForm reports whether form is an org's own party organization.
func ownForm(form string) bool { return formRank[form] >= formRank[hezuo.FormBranch] }

// actual decides what covers the org: the strongest party organization, else
// an instructor, else nothing.
func (e *evaluator) actual() {
	if !e.f.Active {
		e.d.Actual = ActualNone
		e.reason(RuleActive, "组织不存在，不计党组织覆盖", "the org does not exist: no coverage is counted")
		return
	}
	n := 0
	for i := range e.f.Covers {
		c := &e.f.Covers[i]
		if formRank[c.Form] == 0 {
			continue
		}
		n++
		if e.top == nil || formRank[c.Form] > formRank[e.top.Form] {
			e.top = c
		}
	}
	switch {
	case e.top != nil:
		e.d.Actual = e.top.Form
		zh, en := "现由"+describeZH(e.top)+"覆盖", "covered by "+describeEN(e.top)
		if n > 1 {
			zh += fmt.Sprintf("（共有 %d 个党组织覆盖，按最高形式计）", n)
			en += fmt.Sprintf(" (%d party organizations cover it; the strongest form counts)", n)
		}
		e.reason(RuleCoverage, zh, en)
	case e.f.Instructor:
		e.d.Actual = ActualInstructor
		e.reason(RuleCoverage, "未被党组织覆盖，已派驻党建工作指导员", "no party organization covers it; a party-building instructor is dispatched to it")
	default:
		e.d.Actual = ActualNone
		e.reason(RuleCoverage, "既无党组织覆盖，也未派驻党建工作指导员", "no party organization covers it and no instructor is dispatched to it")
	}
}

// needs says, per required form, what an uncovered org should do (zh, en).
var needs = map[string][2]string{
	RequiredOwnOrg:       {"应单独建立党组织", "it must set up its own party organization"},
	RequiredGroupOrJoint: {"应成立产业党小组或加入联合党支部", "it should form an industry party group or join a joint branch"},
	RequiredInstructor:   {"应由乡镇党委派驻党建工作指导员", "the township committee should dispatch an instructor"},
}

// requirementCites gives the rule behind each required form.
var requirementCites = map[string]cite{
	RequiredOwnOrg: citeBranchArt4, RequiredGroupOrJoint: citeBranchCh2, RequiredInstructor: citeCoverage,
}

// status compares what is required with what the org has.
func (e *evaluator) status() {
	d, f := &e.d, e.f
	switch {
	case d.Required == RequiredNone:
		d.Status = StatusOK
		e.reason(RuleActive, "组织不存在，不评估覆盖状态，记为正常", "the org does not exist: its status is ok and not assessed")
	case Uncovered(d.Required, d.Actual):
		d.Status = StatusUncovered
		need := needs[d.Required]
		e.reason(RuleCoverage,
			fmt.Sprintf("空白点：未被任何党组织覆盖，也未派驻党建工作指导员；%s（%s）", need[0], citeCoverage.zh),
			fmt.Sprintf("blank spot: covered by no party organization and no instructor; %s (%s)", need[1], citeCoverage.en))
	case ShouldBuildNotBuilt(d.Required, d.Actual):
		d.Status = StatusShouldBuild
		c := source(KeyOwnOrgMinFull)
		e.reason(KeyOwnOrgMinFull,
			fmt.Sprintf("应建未建：应单独建立党组织，现仅有%s（%s）", formZH(d.Actual), c.zh),
			fmt.Sprintf("should build, not built: must have its own party organization but has only %s (%s)", aFormEN(d.Actual), c.en))
	case d.Required == RequiredGroupOrJoint && d.Actual == ActualInstructor && f.InstructorDeveloped > 0:
		d.Status = StatusOK
		e.reason(RuleInstructorDeveloped,
			fmt.Sprintf("正常：党建工作指导员已发展党员 %d 名，在成立党小组或加入联合党支部前仍由指导员覆盖（%s）", f.InstructorDeveloped, citeCounty.zh),
			fmt.Sprintf("ok: the instructor has brought in %s and covers the org until it forms a group or joins a joint branch (%s)", countEN(f.InstructorDeveloped, "party member"), citeCounty.en))
		e.suggest(RuleInstructorDeveloped,
			"指导员已发展首批党员，建议成立产业党小组挂靠村党组织，或加入联合党支部",
			"the instructor brought in the first party members: form an industry party group attached to the village party organization, or join a joint branch")
	case d.Required == RequiredGroupOrJoint && d.Actual == ActualInstructor:
		d.Status = StatusOK
		c := citeBranchCh2.and(citeCounty)
		e.reason(RuleCoverage,
			fmt.Sprintf("正常：由党建工作指导员实现工作覆盖（%s）", citeCoverage.zh),
			fmt.Sprintf("ok: a party-building instructor provides work coverage (%s)", citeCoverage.en))
		e.warn(RuleCoverage,
			fmt.Sprintf("已有党员，应成立产业党小组或加入联合党支部，不宜只由党建工作指导员覆盖（%s）", c.zh),
			fmt.Sprintf("it has party members: it should form an industry party group or join a joint branch, not rely on an instructor alone (%s)", c.en))
	default:
		d.Status = StatusOK
		c := requirementCites[d.Required]
		e.reason(RuleCoverage,
			fmt.Sprintf("正常：由%s覆盖，符合要求（%s）", formZH(d.Actual), c.zh),
			fmt.Sprintf("ok: coverage by %s meets the requirement (%s)", aFormEN(d.Actual), c.en))
	}
}
