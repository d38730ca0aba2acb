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

// auditEntities are the kinds of record the audit log's filter offers,
// those written through the pages first.
var auditEntities = []string{"org", "person", "membership", "party_status", "party_org", "officer", "dispatch", "instructor",
	"loan", "repayment", "household", "household_pairing", "unit_pairing", "meeting", "commitment", "contact_visit", "training",
	"user", "session", "lending_rate", "division", "audit_log"}

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
	for k, v := range map[string][2]string{
		"audit_refused":  {"拒绝：", "refused: "},
		"audit_purged":   {"已清除 %[2]s 之前的 %[1]s 条记录（保留 %[3]s 天）", "purged %[1]s entries before %[2]s (retention %[3]s days)"},
		"audit_imported": {"导入%s文件 %s", "imported from a file of %s: %s"},
		"audit_created":  {"新建用户：%s，范围 %s", "created: %s, scope %s"},
	} {
		messages[k] = v
	}
	addLabels("audit_note", zhOf("ok", "成功", "out of poverty", "脱贫", "password", "重设密码", "enable", "启用", "disable", "停用"),
		zhOf("ok", "succeeded", "out of poverty", "out of poverty", "password", "password reset", "enable", "enabled", "disable", "disabled"))
	addLabels("error", zhOf(hezuo.EINVALID, "数据有误", hezuo.ENOTFOUND, "未找到", hezuo.ECONFLICT, "与现有记录冲突",
		hezuo.EUNAUTHORIZED, "用户名或密码不正确", hezuo.EFORBIDDEN, "无权操作", hezuo.EINTERNAL, "内部错误", "ELOCKED", "尝试次数过多，暂时锁定"),
		zhOf(hezuo.EINVALID, "invalid data", hezuo.ENOTFOUND, "not found", hezuo.ECONFLICT, "conflicts with a record",
			hezuo.EUNAUTHORIZED, "wrong user name or password", hezuo.EFORBIDDEN, "not allowed", hezuo.EINTERNAL, "internal error", "ELOCKED", "too many attempts: locked for a while"))
	// Record fields whose name is not (or not quite) an interface text.
	addLabels("field", zhOf(
		"id_number", "身份证号", "name", "名称", "kind", "类型", "status", "状态", "role", "职务", "from", "起始日期", "to", "结束日期",
		"village", "所在村", "villages", "覆盖村", "township", "乡镇", "org_id", "组织编号", "orgs", "覆盖组织", "no", "编号",
		"org_name", "组织名称", "party_org", "党组织", "party_org_name", "党组织名称", "person_name", "姓名", "member_name", "党员姓名",
		"joined", "加入日期", "left", "退出日期", "version", "版本", "model", "典型", "registered_on", "登记日期",
		"credit_code", "统一社会信用代码", "industry", "产业", "households_driven", "带动农户", "founded", "成立日期", "dissolved", "注销日期",
		"birth_year", "出生年份", "birth_date", "出生日期", "sex", "性别", "phone", "联系电话", "talent_since", "认定技术人才日期",
		"leader_since", "认定致富能手日期", "party_status", "政治面貌", "home_party_org", "组织关系所在", "from_unknown", "起始日期不详",
		"seat", "所属区划", "parent", "上级党组织", "manager", "管理党组织", "form", "组织形式", "joint_kind", "联合方式",
		"founding_method", "组建方式", "term_years", "任期（年）", "elected_on", "最近换届日期", "secretary", "书记", "duty", "分工",
		"instructor", "指导员", "unit", "工作单位", "level", "级别", "code", "代码", "head", "户主", "size", "人口",
		"poverty", "贫困状况", "left_poverty_on", "脱贫日期", "people_out", "脱贫人数", "household", "户编号", "note", "说明",
		"borrower", "借款党员", "purpose", "用途", "for_cooperative", "用于合作组织发展", "lender", "贷款机构", "amount_fen", "金额（分）",
		"rate_ppm", "年利率（百万分之）", "term_months", "期限（月）", "applied_on", "申请日期", "approved_on", "审批日期",
		"rejected_on", "未获批准日期", "disbursed_on", "发放日期", "due_on", "到期日", "paid_on", "日期", "principal_fen", "本金（分）",
		"interest_fen", "利息（分）", "guarantees", "担保", "guarantor", "担保人", "repayments", "还款", "fee_subsidies", "党费补贴",
		"source", "资金来源", "held_on", "日期", "topic", "议题/主题", "village_party_org", "村党组织", "participants", "参加人员",
		"decisions", "议定事项", "attendees", "出席人员", "year", "年度", "made_on", "承诺日期", "content", "承诺内容",
		"fulfilled_on", "践诺评议日期", "result", "践诺结果", "evidence", "佐证材料", "organizer", "主办单位", "mode", "方式",
		"hours", "学时", "place", "地点", "visited_on", "走访日期", "effective_from", "生效日期", "rate", "利率", "subject", "对象",
		"scope", "范围", "joined_party", "入党日期", "full_member_since", "转正日期", "people", "人数", "households", "农户",
		"target", "帮扶对象", "person_id", "人员", "id", "序号", "email", "电子邮箱", "address", "地址", "fee_subsidy_fen", "党费补贴（分）",
		"guarantee_fen", "担保金额（分）", "talent", "技术人才", "leader", "致富能手",
		"county", "县", "industries", "产业", "department", "部门", "training", "培训"),
		zhOf("id_number", "ID number", "name", "name", "kind", "kind", "status", "status", "role", "role", "from", "from", "to", "to",
			"village", "village", "villages", "villages", "township", "township", "org_id", "org number", "orgs", "orgs covered", "no", "number",
			"org_name", "org name", "party_org", "party organization", "party_org_name", "party organization name", "person_name", "name", "member_name", "member's name",
			"joined", "joined", "left", "left", "version", "version", "model", "model", "registered_on", "registered on",
			"credit_code", "credit code", "industry", "industry", "households_driven", "households driven", "founded", "founded", "dissolved", "dissolved",
			"birth_year", "year of birth", "birth_date", "born", "sex", "sex", "phone", "phone", "talent_since", "technical talent since",
			"leader_since", "leader since", "party_status", "party status", "home_party_org", "home party organization", "from_unknown", "start unknown",
			"seat", "seat", "parent", "parent", "manager", "managed by", "form", "form", "joint_kind", "joint kind",
			"founding_method", "founding method", "term_years", "term (years)", "elected_on", "last elected", "secretary", "secretary", "duty", "duty",
			"instructor", "instructor", "unit", "unit", "level", "level", "code", "code", "head", "head", "size", "size",
			"poverty", "poverty status", "left_poverty_on", "out of poverty on", "people_out", "people out of poverty", "household", "household", "note", "note",
			"borrower", "borrower", "purpose", "purpose", "for_cooperative", "for the org's development", "lender", "lender", "amount_fen", "amount (fen)",
			"rate_ppm", "annual rate (ppm)", "term_months", "term (months)", "applied_on", "applied on", "approved_on", "approved on",
			"rejected_on", "rejected on", "disbursed_on", "disbursed on", "due_on", "due on", "paid_on", "paid on", "principal_fen", "principal (fen)",
			"interest_fen", "interest (fen)", "guarantees", "guarantees", "guarantor", "guarantor", "repayments", "repayments", "fee_subsidies", "party-fee subsidies",
			"source", "source", "held_on", "held on", "topic", "topic", "village_party_org", "village party organization", "participants", "participants",
			"decisions", "decisions", "attendees", "attendees", "year", "year", "made_on", "made on", "content", "content",
			"fulfilled_on", "assessed on", "result", "result", "evidence", "evidence", "organizer", "organizer", "mode", "mode",
			"hours", "hours", "place", "place", "visited_on", "visited on", "effective_from", "in force from", "rate", "rate", "subject", "subject",
			"scope", "scope", "joined_party", "joined the party", "full_member_since", "full member since", "people", "people", "households", "households",
			"target", "target", "person_id", "person", "id", "id", "email", "email", "address", "address", "fee_subsidy_fen", "party-fee subsidy (fen)",
			"guarantee_fen", "guaranteed (fen)", "talent", "technical talent", "leader", "leader",
			"county", "county", "industries", "industries", "department", "department", "training", "training"))
}
