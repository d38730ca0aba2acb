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

// addTriples adds labels of kind given as {code, 中文, English}.
func addTriples(kind string, rows [][3]string) {
	zh, en := bilingual(rows)
	addLabels(kind, zh, en)
}

// bilingual splits {code, 中文, English} rows into the Chinese and the
// English names by code.
func bilingual(rows [][3]string) (zh, en map[string]string) {
	zh, en = map[string]string{}, map[string]string{}
	for _, r := range rows {
		zh[r[0]], en[r[0]] = r[1], r[2]
	}
	return zh, en
}

// zhOf makes a table of names from code, name pairs.
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
	addTriples("sex", [][3]string{
		{hezuo.SexMale, "男", "male"}, {hezuo.SexFemale, "女", "female"},
	})
	addLabels("poverty", hezuo.PovertyNames, zhOf(
		hezuo.PovertyRegistered, "registered poor household", hezuo.PovertyLowIncome, "low-income household", hezuo.PovertyNone, "ordinary household"))
	// Meeting kinds and the other overdue items (a visit, a commitment, its assessment).
	meetingZH, meetingEN := bilingual([][3]string{
		{rules.OverdueContactVisit, "走访联系户", "visit to a linked household"},
		{rules.OverdueCommitment, "年度党员承诺", "yearly commitment"}, {rules.OverdueFulfilment, "践诺评议", "assessment of a commitment"},
	})
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
	addTriples("dev_state", [][3]string{
		{rules.DevDue, "待办", "due"}, {rules.DevOverdue, "逾期", "overdue"}, {rules.DevReady, "可进入下一步", "ready"},
		{rules.DevIrregular, "不合规", "irregular"},
	})
	addTriples("joint", [][3]string{
		{hezuo.JointVillageOrg, "村会联合", "village and org"}, {hezuo.JointCrossVill, "跨村联合", "across villages"},
	})
	addTriples("division", [][3]string{
		{hezuo.LevelProvince, "省", "province"}, {hezuo.LevelPrefecture, "市（州）", "prefecture"}, {hezuo.LevelCounty, "县", "county"},
		{hezuo.LevelTownship, "乡镇", "township"}, {hezuo.LevelVillage, "村", "village"},
	})
	addTriples("coverage", [][3]string{
		{rules.CoverOwnOrg, "单独建党组织", "own party organization"}, {rules.CoverJointOrGroup, "联合支部或党小组", "joint branch or group"},
		{rules.CoverInstructorOnly, "仅派驻指导员", "instructor only"}, {rules.CoverUncovered, "空白点", "blank spot"},
	})
	postZH, postEN := map[string]string{}, map[string]string{}
	for _, p := range hezuo.Posts {
		if p.Duty == "" {
			postZH[p.Role], postEN[p.Role] = p.ZH, p.EN
		} else {
			postZH[p.Duty], postEN[p.Duty] = p.ZH, p.EN
		}
	}
	addLabels("post", postZH, postEN)
	addTriples("list", [][3]string{
		{hezuo.ListAll, "全部", "all"}, {hezuo.ListOK, "正常", "in order"}, {hezuo.ListShouldBuild, "应建未建", "should build, not built"},
		{hezuo.ListUncovered, "空白点", "blank spot"},
	})
	addTriples("action", [][3]string{
		{hezuo.ActionCreate, "新增", "create"}, {hezuo.ActionUpdate, "修改", "update"}, {hezuo.ActionEnd, "结束", "end"},
		{hezuo.ActionView, "查看", "view"}, {hezuo.ActionLogin, "登录", "sign-in"}, {hezuo.ActionUser, "用户管理", "user administration"},
		{hezuo.ActionExport, "导出", "export"}, {actionImport, "批量导入", "import"}, {actionAudit, "审计日志维护", "audit log upkeep"},
	})
	entityZH, entityEN := bilingual([][3]string{
		{"org", "合作组织", "organization"}, {"person", "人员", "person"}, {"user", "用户", "user"}, {"session", "会话", "session"},
		{"party_org", "党组织", "party organization"}, {"party_status", "政治面貌", "party status"}, {"membership", "成员关系", "membership"},
		{"officer", "任职", "post"}, {"dispatch", "指导员派驻", "dispatch"}, {"instructor", "党建工作指导员", "instructor"},
		{"division", "行政区划", "division"}, {"department", "部门", "department"}, {"loan", "贷款", "loan"},
		{"repayment", "还款", "repayment"}, {"guarantee", "担保", "guarantee"}, {"guarantor", "担保人", "guarantor"},
		{"fee_subsidy", "党费补贴", "party-fee subsidy"}, {"household", "农户", "household"},
		{"household_pairing", "结对帮扶", "household pairing"}, {"unit", "帮扶单位", "assisting unit"},
		{"unit_pairing", "包村联户", "unit pairing"}, {"commitment", "党员承诺", "commitment"}, {"meeting", "会议", "meeting"},
		{"meeting_attendance", "参会记录", "meeting attendance"}, {"training", "培训", "training"},
		{"training_attendance", "参训记录", "training attendance"}, {"contact_link", "党员联系户", "linked household"},
		{"contact_visit", "联系户走访", "household visit"}, {"lending_rate", "参考利率", "reference rate"},
		{"audit_log", "审计日志", "audit log"}, {"audit_retention", "审计日志保留期", "audit log retention"},
	})
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
