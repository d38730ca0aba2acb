package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"hezuo"
)

// The audit log as its readers see it: actions, records, roles and notes
// named in the page's language, and a record before and after a change as
// its fields (名称：值) rather than JSON with English keys and codes.

// auditRow is one audit entry as the page shows it.
type auditRow struct {
	hezuo.AuditEntry
	ActionName, EntityName, RoleName, NoteText string
	BeforeFields, AfterFields                  []auditField
}

// auditField is one field of a record: its name and its value, both in
// the page's language.
// Changed marks a field of the record after a change whose value differs
// from before (or that is new).
type auditField struct {
	Name, Value string
	Changed     bool
}

// auditRows returns the entries as the page shows them in lang.
func auditRows(lang string, es []hezuo.AuditEntry) []auditRow {
	out := make([]auditRow, len(es))
	for i, e := range es {
		out[i] = auditRow{AuditEntry: e, ActionName: auditActionName(lang, e.Action, e.Entity),
			EntityName: label(lang, "entity", e.Entity), NoteText: auditNote(lang, e.Note),
			BeforeFields: auditFields(lang, e.Entity, e.Before), AfterFields: auditFields(lang, e.Entity, e.After)}
		if before := out[i].BeforeFields; len(before) > 0 {
			was := map[string]string{}
			for _, f := range before {
				was[f.Name] = f.Value
			}
			for j, f := range out[i].AfterFields {
				v, ok := was[f.Name]
				out[i].AfterFields[j].Changed = !ok || v != f.Value
			}
		}
		if e.Entity == "officer" { // "党组织编号 身份证号 职务"
			if f := strings.Fields(e.Key); len(f) == 3 {
				out[i].Key = f[0] + " " + f[1] + " " + label(lang, "post", f[2])
			}
		}
		if e.Role != "" {
			out[i].RoleName = label(lang, "role", e.Role)
		}
	}
	return out
}

// auditActionName names an action, more precisely where the record says
// what ending it was (an org is dissolved, a party organization ended…).
func auditActionName(lang, action, entity string) string {
	if action == hezuo.ActionEnd {
		if n, ok := endNames[entity]; ok {
			if lang == "en" {
				return n[1]
			}
			return n[0]
		}
	}
	return label(lang, "action", action)
}

var endNames = map[string][2]string{
	"org": {"注销", "dissolve"}, "party_org": {"撤销", "end"}, "person": {"退出全部组织", "leave every org"},
	"membership": {"退出", "leave"}, "officer": {"离任", "leave office"}, "dispatch": {"结束派驻", "end the dispatch"},
	"unit_pairing": {"结束结对", "end the pairing"},
}

var (
	refusedRe  = regexp.MustCompile(`^refused: ([A-Z]+)$`)
	importedRe = regexp.MustCompile(`^导入 (\S+) 文件 (.+)$`)
	createdRe  = regexp.MustCompile(`^created (\S+) (\S*)$`)
	purgedRe   = regexp.MustCompile(`^purged (\d+) entries before (\S+) \(retention (\d+) days\)$`)
	hanRe      = regexp.MustCompile(`\p{Han}`)
)

// auditNote returns a note in lang: the half of a bilingual "中文 / English"
// note, a known note translated, any other note as written.
func auditNote(lang, note string) string {
	for i := strings.Index(note, "/ "); i > 0; {
		if zh, en := note[:i], note[i+2:]; hanRe.MatchString(zh) && !hanRe.MatchString(en) {
			if lang == "en" {
				return strings.TrimSpace(en)
			}
			return strings.TrimSpace(zh)
		}
		j := strings.Index(note[i+2:], "/ ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	if m := importedRe.FindStringSubmatch(note); m != nil { // xlsx.Plan's Source
		return fmt.Sprintf(tr(lang, "audit_imported"), label(lang, "entity", m[1]), m[2])
	}
	if m := createdRe.FindStringSubmatch(note); m != nil {
		return fmt.Sprintf(tr(lang, "audit_created"), label(lang, "role", m[1]), m[2])
	}
	if m := refusedRe.FindStringSubmatch(note); m != nil {
		return tr(lang, "audit_refused") + label(lang, "error", m[1])
	}
	if m := purgedRe.FindStringSubmatch(note); m != nil {
		return fmt.Sprintf(tr(lang, "audit_purged"), m[1], m[2], m[3])
	}
	if _, ok := enumLabels["audit_note"][note]; ok {
		return label(lang, "audit_note", note)
	}
	return note
}

// auditFields returns a record's fields in lang, in the order stored; a
// value that is not a JSON object shows as it is.
func auditFields(lang, entity, raw string) []auditField {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	d := json.NewDecoder(strings.NewReader(raw))
	d.UseNumber()
	var out []auditField
	if !readObject(d, func(key string, v any) {
		out = append(out, auditField{Name: fieldName(lang, key), Value: fieldValue(lang, entity, key, v)})
	}) {
		return []auditField{{Value: raw}}
	}
	return out
}

// readObject reads a JSON object from d, calling f for each member in
// order with its value (objects as []auditField in lang order, arrays as
// []any, numbers as json.Number); false when d holds no object.
func readObject(d *json.Decoder, f func(string, any)) bool {
	t, err := d.Token()
	if err != nil || t != json.Delim('{') {
		return false
	}
	for d.More() {
		kt, err := d.Token()
		if err != nil {
			return false
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return false
		}
		f(fmt.Sprint(kt), v)
	}
	_, err = d.Token()
	return err == nil
}

// fieldKinds names the kind of code a field holds, by entity.field or by
// field alone.
var fieldKinds = map[string]string{
	"org.kind": "kind", "meeting.kind": "meeting", "meeting_attendance.kind": "meeting", "party_status.status": "party", "person.party_status": "party",
	"loan.status": "loan", "officer.role": "post", "user.role": "role", "instructor.level": "division", "division.level": "division",
	"form": "form", "sex": "sex", "poverty": "poverty", "result": "result", "mode": "mode", "source": "source",
	"joint_kind": "joint", "duty": "post",
}

// fieldValue returns a field's value in lang: a code by its label, yes or
// no, a list joined, a nested record as its fields.
func fieldValue(lang, entity, key string, v any) string {
	raw, ok := v.(json.RawMessage)
	if !ok {
		return fmt.Sprint(v)
	}
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || string(raw) == "null":
		return ""
	case string(raw) == "true":
		return tr(lang, "yes")
	case string(raw) == "false":
		return tr(lang, "no")
	case raw[0] == '"':
		var s string
		json.Unmarshal(raw, &s)
		kind := fieldKinds[entity+"."+key]
		if kind == "" {
			kind = fieldKinds[key]
		}
		if kind != "" {
			return label(lang, kind, s)
		}
		return s
	case raw[0] == '[':
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return string(raw)
		}
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = fieldValue(lang, entity, key, it)
		}
		sep := "、"
		if lang == "en" {
			sep = ", "
		}
		return strings.Join(parts, sep)
	case raw[0] == '{':
		var parts []string
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		readObject(d, func(k string, x any) {
			parts = append(parts, fieldName(lang, k)+"："+fieldValue(lang, entity, k, x))
		})
		return "｛" + strings.Join(parts, "；") + "｝"
	}
	return string(raw)
}

// fieldName names a record's field in lang: from the field table, else
// from the interface text of the same key (the forms name their fields
// as the records do), else the key itself.
func fieldName(lang, key string) string {
	if _, ok := enumLabels["field"][key]; ok {
		return label(lang, "field", key)
	}
	if _, ok := messages[key]; ok {
		return tr(lang, key)
	}
	return key
}

func init() {
	addTriples("audit_note", [][3]string{
		{"ok", "成功", "succeeded"}, {"out of poverty", "脱贫", "out of poverty"}, {"password", "重设密码", "password reset"},
		{"enable", "启用", "enabled"}, {"disable", "停用", "disabled"},
	})
	addTriples("error", [][3]string{
		{hezuo.EINVALID, "数据有误", "invalid data"}, {hezuo.ENOTFOUND, "未找到", "not found"},
		{hezuo.ECONFLICT, "与现有记录冲突", "conflicts with a record"}, {hezuo.EUNAUTHORIZED, "用户名或密码不正确", "wrong user name or password"},
		{hezuo.EFORBIDDEN, "无权操作", "not allowed"}, {hezuo.EINTERNAL, "内部错误", "internal error"},
		{"ELOCKED", "尝试次数过多，暂时锁定", "too many attempts: locked for a while"},
	})
	// Record fields whose name is not (or not quite) an interface text: key, 中文, English.
	addTriples("field", [][3]string{
		{"id_number", "身份证号", "ID number"}, {"name", "名称", "name"}, {"kind", "类型", "kind"}, {"status", "状态", "status"},
		{"role", "职务", "role"}, {"from", "起始日期", "from"}, {"to", "结束日期", "to"}, {"village", "所在村", "village"},
		{"villages", "覆盖村", "villages"}, {"township", "乡镇", "township"}, {"org_id", "组织编号", "org number"},
		{"orgs", "覆盖组织", "orgs covered"}, {"no", "编号", "number"}, {"org_name", "组织名称", "org name"},
		{"party_org", "党组织", "party organization"}, {"party_org_name", "党组织名称", "party organization name"},
		{"person_name", "姓名", "name"}, {"member_name", "党员姓名", "member's name"}, {"joined", "加入日期", "joined"},
		{"left", "退出日期", "left"}, {"version", "版本", "version"}, {"model", "典型", "model"},
		{"registered_on", "登记日期", "registered on"}, {"credit_code", "统一社会信用代码", "credit code"},
		{"industry", "产业", "industry"}, {"households_driven", "带动农户", "households driven"}, {"founded", "成立日期", "founded"},
		{"dissolved", "注销日期", "dissolved"}, {"birth_year", "出生年份", "year of birth"}, {"birth_date", "出生日期", "born"},
		{"sex", "性别", "sex"}, {"phone", "联系电话", "phone"}, {"talent_since", "认定技术人才日期", "technical talent since"},
		{"leader_since", "认定致富能手日期", "leader since"}, {"party_status", "政治面貌", "party status"},
		{"home_party_org", "组织关系所在", "home party organization"}, {"from_unknown", "起始日期不详", "start unknown"},
		{"seat", "所属区划", "seat"}, {"parent", "上级党组织", "parent"}, {"manager", "管理党组织", "managed by"},
		{"form", "组织形式", "form"}, {"joint_kind", "联合方式", "joint kind"}, {"founding_method", "组建方式", "founding method"},
		{"term_years", "任期（年）", "term (years)"}, {"elected_on", "最近换届日期", "last elected"}, {"secretary", "书记", "secretary"},
		{"duty", "分工", "duty"}, {"instructor", "指导员", "instructor"}, {"unit", "工作单位", "unit"}, {"level", "级别", "level"},
		{"code", "代码", "code"}, {"head", "户主", "head"}, {"size", "人口", "size"}, {"poverty", "贫困状况", "poverty status"},
		{"left_poverty_on", "脱贫日期", "out of poverty on"}, {"people_out", "脱贫人数", "people out of poverty"},
		{"household", "户编号", "household"}, {"note", "说明", "note"}, {"borrower", "借款党员", "borrower"},
		{"purpose", "用途", "purpose"}, {"for_cooperative", "用于合作组织发展", "for the org's development"},
		{"lender", "贷款机构", "lender"}, {"amount_fen", "金额（分）", "amount (fen)"},
		{"rate_ppm", "年利率（百万分之）", "annual rate (ppm)"}, {"term_months", "期限（月）", "term (months)"},
		{"applied_on", "申请日期", "applied on"}, {"approved_on", "审批日期", "approved on"},
		{"rejected_on", "未获批准日期", "rejected on"}, {"disbursed_on", "发放日期", "disbursed on"}, {"due_on", "到期日", "due on"},
		{"paid_on", "日期", "paid on"}, {"principal_fen", "本金（分）", "principal (fen)"},
		{"interest_fen", "利息（分）", "interest (fen)"}, {"guarantees", "担保", "guarantees"}, {"guarantor", "担保人", "guarantor"},
		{"repayments", "还款", "repayments"}, {"fee_subsidies", "党费补贴", "party-fee subsidies"}, {"source", "资金来源", "source"},
		{"held_on", "日期", "held on"}, {"topic", "议题/主题", "topic"},
		{"village_party_org", "村党组织", "village party organization"}, {"participants", "参加人员", "participants"},
		{"decisions", "议定事项", "decisions"}, {"attendees", "出席人员", "attendees"}, {"year", "年度", "year"},
		{"made_on", "承诺日期", "made on"}, {"content", "承诺内容", "content"}, {"fulfilled_on", "践诺评议日期", "assessed on"},
		{"result", "践诺结果", "result"}, {"evidence", "佐证材料", "evidence"}, {"organizer", "主办单位", "organizer"},
		{"mode", "方式", "mode"}, {"hours", "学时", "hours"}, {"place", "地点", "place"}, {"visited_on", "走访日期", "visited on"},
		{"effective_from", "生效日期", "in force from"}, {"rate", "利率", "rate"}, {"subject", "对象", "subject"},
		{"scope", "范围", "scope"}, {"joined_party", "入党日期", "joined the party"},
		{"full_member_since", "转正日期", "full member since"}, {"people", "人数", "people"}, {"households", "农户", "households"},
		{"target", "帮扶对象", "target"}, {"person_id", "人员", "person"}, {"id", "序号", "id"}, {"email", "电子邮箱", "email"},
		{"address", "地址", "address"}, {"fee_subsidy_fen", "党费补贴（分）", "party-fee subsidy (fen)"},
		{"guarantee_fen", "担保金额（分）", "guaranteed (fen)"}, {"talent", "技术人才", "technical talent"},
		{"leader", "致富能手", "leader"}, {"county", "县", "county"}, {"industries", "产业", "industries"},
		{"department", "部门", "department"}, {"training", "培训", "training"},
	})
}
