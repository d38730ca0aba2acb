package web

import (
	"hezuo"
	"hezuo/store"
)

// The interface text of the development page (发展党员) and its step form;
// and the template functions naming its steps and states.
func init() {
	addMessages("development", map[string][2]string{
		// Members already in the party (issue 18).
		"dev_new_members_note": {"发展党员步骤只用于新发展的党员，从入党申请人起逐步登记。已经入党的：", "Development steps are for new members, from applicant on. Someone who already joined the party:"},
		"dev_edit_person_link": {"在人员信息中填写政治面貌、入党日期、转正日期", "fill in the status and dates on the person's form"},
		"dev_transfer_link":    {"从其他党组织转来的，登记组织关系转入", "moving in from another party organization: record the transfer"},

		// Steps and their states.
		"step":               {"发展阶段", "Step"},
		"since":              {"自", "Since"},
		"steps_dates":        {"各阶段日期", "Dates of the steps"},
		"ready":              {"可进入下一步", "Ready"},
		"irregular":          {"不合规", "Irregular"},
		"deadline":           {"期限", "Deadline"},
		"instructor_results": {"指导员派驻成效", "What instructors' orgs achieved"},
		"activists_named":    {"列为积极分子", "Activists named"},
		"candidates_named":   {"确定发展对象", "Development objects"},
		"admitted":           {"接收预备党员", "Admitted (probationary)"},
		"converted":          {"转为正式党员", "Converted to full"},
		"all_in_progress":    {"全部（不含无事项的正式党员）", "all (without full members with nothing due)"},
		"next_step":          {"下一步", "Next step"},
		"step_date":          {"日期", "Date"},
	})
	funcs["stepName"] = func(lang, s string) string { return label(lang, "party", s) }
	funcs["stateName"] = func(lang, s string) string { return label(lang, "dev_state", s) }
	funcs["devSteps"] = func() []string { return store.DevSteps }
	funcs["stepDate"] = func(m map[string]hezuo.Date, k string) string { return m[k].String() }
}
