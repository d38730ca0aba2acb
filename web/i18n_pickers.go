package web

// Messages of the forms' pickers and the new-membership form (issue 18).
func init() {
	addMessages("pickers", map[string][2]string{
		"new_membership":      {"登记成员", "Add a member"},
		"pick_person_missing": {"请选择人员（输入姓名查找）", "choose a person (type a name to search)"},
		"pick_org_missing":    {"请选择组织（输入名称查找）", "choose an organization (type a name to search)"},
		"pick_person_note":    {"输入姓名或身份证号后四位查找；也可填写完整身份证号", "type a name or the last four characters of the ID number to search, or a whole ID number"},
		"pick_org_note":       {"输入名称查找；也可填写组织编号", "type a name to search, or an organization number"},
	})
}
