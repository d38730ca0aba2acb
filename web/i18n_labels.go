package web

import (
	"errors"
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// Chinese all through (issue 18): every code the application stores and
// shows — a role, an org kind, a party status, an audit action, a rule's
// verdict — has one label per language, kept here and nowhere else. Pages
// show a code through Page.Name (templates: {{.Name "role" .Role}}) or the
// label template function ({{label .Lang "action" .Action}}); downloads
// through label(lang, kind, code). The Chinese UI never shows the code
// itself; the English UI shows the English label.

// enumLabels holds, per kind of code, each code's label: [Chinese, English].
var enumLabels = map[string]map[string][2]string{}

// addLabels records the labels of one kind of code: the Chinese from zh
// (the domain's own table where it has one), the English from en.
func addLabels(kind string, zh, en map[string]string) {
	m := enumLabels[kind]
	if m == nil {
		m = map[string][2]string{}
		enumLabels[kind] = m
	}
	for k, z := range zh {
		m[k] = [2]string{z, en[k]}
	}
	for k, e := range en {
		if _, ok := zh[k]; !ok {
			m[k] = [2]string{"", e}
		}
	}
}

// label returns the label of code of a kind in lang: the code itself only
// when it is unknown (a value outside every table shows as it is stored).
func label(lang, kind, code string) string {
	l, ok := enumLabels[kind][code]
	if !ok {
		return code
	}
	if lang == "en" {
		if l[1] != "" {
			return l[1]
		}
		return code
	}
	if l[0] != "" {
		return l[0]
	}
	return code
}

// labelKinds lists the kinds of code, sorted (for tests).
func labelKinds() []string {
	ks := make([]string, 0, len(enumLabels))
	for k := range enumLabels {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// zhOf makes a table of names from code, name pairs.
// addTriples adds labels of kind given as {code, 中文, English}.
func addTriples(kind string, rows [][3]string) {
	zh, en := map[string]string{}, map[string]string{}
	for _, r := range rows {
		zh[r[0]], en[r[0]] = r[1], r[2]
	}
	addLabels(kind, zh, en)
}

func zhOf(pairs ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

func init() {
	funcs["label"] = label
	addLabels("kind", hezuo.KindNames, zhOf(
		hezuo.KindCooperative, "farmers' cooperative", hezuo.KindAssociation, "industry association", hezuo.KindUnion, "cooperative union"))
	addLabels("form", hezuo.FormNames, zhOf(
		hezuo.FormVillage, "village party organization", hezuo.FormTownship, "township party committee",
		hezuo.FormDepartment, "department party organization", hezuo.FormBranch, "party branch",
		hezuo.FormGeneralBranch, "general party branch", hezuo.FormCommittee, "party committee",
		hezuo.FormJointBranch, "joint party branch", hezuo.FormPartyGroup, "industry party group"))
	addLabels("required", hezuo.RequiredNames, zhOf(
		rules.RequiredOwnOrg, "its own party organization", rules.RequiredGroupOrJoint, "a party group or a joint branch",
		rules.RequiredInstructor, "an instructor", rules.RequiredNone, "none"))
	addLabels("actual", hezuo.ActualNames, zhOf(
		hezuo.FormBranch, "party branch", hezuo.FormGeneralBranch, "general party branch", hezuo.FormCommittee, "party committee",
		hezuo.FormJointBranch, "joint party branch", hezuo.FormPartyGroup, "industry party group",
		rules.ActualInstructor, "party-building instructor", rules.ActualNone, "none"))
	addLabels("status", hezuo.StatusLabels, zhOf(
		rules.StatusOK, "in order", rules.StatusShouldBuild, "should build, not built", rules.StatusUncovered, "blank spot"))
	addLabels("level", hezuo.LevelNames, zhOf(
		"village", "village party organization", "township", "township party committee",
		rules.ManagerDepartment, "agricultural department's party organization",
		rules.ManagerUndecided, "to be decided by the common higher organization department"))
	addLabels("role", hezuo.RoleNames, zhOf(
		hezuo.RoleCountyAdmin, "county organization department", hezuo.RoleTownshipOfficer, "township party committee",
		hezuo.RoleDepartmentOfficer, "agricultural department", hezuo.RoleBranchSecretary, "org party secretary",
		hezuo.RoleInstructor, "party-building instructor", hezuo.RoleAuditor, "county leader / auditor"))
	addLabels("party", hezuo.StatusNames, zhOf(
		hezuo.StatusApplicant, "applicant", hezuo.StatusActivist, "activist", hezuo.StatusCandidate, "development object",
		hezuo.StatusProbationary, "probationary member", hezuo.StatusFull, "full member"))
	addLabels("rate_kind", hezuo.RateKindNames, zhOf(
		hezuo.RateBenchmark, "one-year benchmark lending rate", hezuo.RateLPR, "one-year loan prime rate (LPR)"))
	addLabels("sex", zhOf(hezuo.SexMale, "男", hezuo.SexFemale, "女"), zhOf(hezuo.SexMale, "male", hezuo.SexFemale, "female"))
	addLabels("poverty", hezuo.PovertyNames, zhOf(
		hezuo.PovertyRegistered, "registered poor household", hezuo.PovertyLowIncome, "low-income household", hezuo.PovertyNone, "ordinary household"))
	// Meeting kinds and the other overdue items (a visit, a commitment, its assessment).
	meetingZH := zhOf(rules.OverdueContactVisit, "走访联系户", rules.OverdueCommitment, "年度党员承诺", rules.OverdueFulfilment, "践诺评议")
	meetingEN := zhOf(rules.OverdueContactVisit, "visit to a linked household", rules.OverdueCommitment, "yearly commitment",
		rules.OverdueFulfilment, "assessment of a commitment")
	for _, k := range hezuo.MeetingKinds {
		meetingZH[k], meetingEN[k] = hezuo.MeetingNames[k], hezuo.MeetingNamesEN[k]
	}
	addLabels("meeting", meetingZH, meetingEN)
	addLabels("result", hezuo.FulfilmentNames, zhOf(
		hezuo.FulfilledAll, "fulfilled", hezuo.FulfilledPart, "partly fulfilled", hezuo.FulfilledNot, "not fulfilled"))
	addLabels("loan", hezuo.LoanStatusNames, zhOf(
		hezuo.LoanApplied, "applied", hezuo.LoanApproved, "approved", hezuo.LoanRejected, "rejected",
		hezuo.LoanDisbursed, "disbursed", hezuo.LoanOverdue, "overdue", hezuo.LoanRepaid, "repaid"))
	addLabels("source", hezuo.SourceNames, zhOf(
		hezuo.SourcePartyDues, "party dues", hezuo.SourceFinance, "public finance", hezuo.SourceOther, "other"))
	addLabels("mode", hezuo.ModeNames, zhOf(hezuo.ModeOnSite, "on site", hezuo.ModeRemote, "remote"))
	addLabels("dev_state", zhOf(rules.DevDue, "待办", rules.DevOverdue, "逾期", rules.DevReady, "可进入下一步", rules.DevIrregular, "不合规"),
		zhOf(rules.DevDue, "due", rules.DevOverdue, "overdue", rules.DevReady, "ready", rules.DevIrregular, "irregular"))
	addLabels("joint", zhOf(hezuo.JointVillageOrg, "村会联合", hezuo.JointCrossVill, "跨村联合"),
		zhOf(hezuo.JointVillageOrg, "village and org", hezuo.JointCrossVill, "across villages"))
	addLabels("division", zhOf(hezuo.LevelProvince, "省", hezuo.LevelPrefecture, "市（州）", hezuo.LevelCounty, "县",
		hezuo.LevelTownship, "乡镇", hezuo.LevelVillage, "村"),
		zhOf(hezuo.LevelProvince, "province", hezuo.LevelPrefecture, "prefecture", hezuo.LevelCounty, "county",
			hezuo.LevelTownship, "township", hezuo.LevelVillage, "village"))
	addLabels("coverage", zhOf(rules.CoverOwnOrg, "单独建党组织", rules.CoverJointOrGroup, "联合支部或党小组",
		rules.CoverInstructorOnly, "仅派驻指导员", rules.CoverUncovered, "空白点"),
		zhOf(rules.CoverOwnOrg, "own party organization", rules.CoverJointOrGroup, "joint branch or group",
			rules.CoverInstructorOnly, "instructor only", rules.CoverUncovered, "blank spot"))
	postZH, postEN := map[string]string{}, map[string]string{}
	for _, p := range hezuo.Posts {
		if p.Duty == "" {
			postZH[p.Role], postEN[p.Role] = p.ZH, p.EN
		} else {
			postZH[p.Duty], postEN[p.Duty] = p.ZH, p.EN
		}
	}
	addLabels("post", postZH, postEN)
	addLabels("list", zhOf(hezuo.ListAll, "全部", hezuo.ListOK, "正常", hezuo.ListShouldBuild, "应建未建", hezuo.ListUncovered, "空白点"),
		zhOf(hezuo.ListAll, "all", hezuo.ListOK, "in order", hezuo.ListShouldBuild, "should build, not built", hezuo.ListUncovered, "blank spot"))
	addLabels("action", zhOf(hezuo.ActionCreate, "新增", hezuo.ActionUpdate, "修改", hezuo.ActionEnd, "结束",
		hezuo.ActionView, "查看", hezuo.ActionLogin, "登录", hezuo.ActionUser, "用户管理", hezuo.ActionExport, "导出",
		actionImport, "批量导入", actionAudit, "审计日志维护"),
		zhOf(hezuo.ActionCreate, "create", hezuo.ActionUpdate, "update", hezuo.ActionEnd, "end",
			hezuo.ActionView, "view", hezuo.ActionLogin, "sign-in", hezuo.ActionUser, "user administration", hezuo.ActionExport, "export",
			actionImport, "import", actionAudit, "audit log upkeep"))
	entityZH := zhOf("org", "合作组织", "person", "人员", "user", "用户", "session", "会话", "party_org", "党组织",
		"party_status", "政治面貌", "membership", "成员关系", "officer", "任职", "dispatch", "指导员派驻", "instructor", "党建工作指导员",
		"division", "行政区划", "department", "部门", "loan", "贷款", "repayment", "还款", "guarantee", "担保", "guarantor", "担保人", "fee_subsidy", "党费补贴",
		"household", "农户", "household_pairing", "结对帮扶", "unit", "帮扶单位", "unit_pairing", "包村联户",
		"commitment", "党员承诺", "meeting", "会议", "meeting_attendance", "参会记录", "training", "培训", "training_attendance", "参训记录",
		"contact_link", "党员联系户", "contact_visit", "联系户走访", "lending_rate", "参考利率", "audit_log", "审计日志", "audit_retention", "审计日志保留期")
	entityEN := zhOf("org", "organization", "person", "person", "user", "user", "session", "session", "party_org", "party organization",
		"party_status", "party status", "membership", "membership", "officer", "post", "dispatch", "dispatch", "instructor", "instructor",
		"division", "division", "department", "department", "loan", "loan", "repayment", "repayment", "guarantee", "guarantee", "guarantor", "guarantor", "fee_subsidy", "party-fee subsidy",
		"household", "household", "household_pairing", "household pairing", "unit", "assisting unit", "unit_pairing", "unit pairing",
		"commitment", "commitment", "meeting", "meeting", "meeting_attendance", "meeting attendance", "training", "training", "training_attendance", "training attendance",
		"contact_link", "linked household", "contact_visit", "household visit", "lending_rate", "reference rate", "audit_log", "audit log", "audit_retention", "audit log retention")
	// An import's entry names its KIND (members, party-orgs…).
	for k, v := range importKindNames {
		if kind, ok := strings.CutPrefix(k, "kind_"); ok {
			entityZH[kind], entityEN[kind] = v[0], v[1]
		}
	}
	addLabels("entity", entityZH, entityEN)
}

// actionAudit is the audit action of the audit log's own upkeep (a purge).
const actionAudit = "audit"

// errMessage returns err's message in lang as hezuo.ErrorMessage does, the
// field it names by the field's name rather than its key ("身份证号", not
// "id_number").
func errMessage(lang string, err error) string {
	var e *hezuo.Error
	if errors.As(err, &e) {
		return localMessage(lang, e)
	}
	return hezuo.ErrorMessage(err, lang)
}

// localMessage is e's message in lang with its field named.
func localMessage(lang string, e *hezuo.Error) string {
	c := *e
	if c.Field != "" {
		c.Field = fieldName(lang, c.Field)
	}
	return c.Message(lang)
}
