package web

// The interface text of the transfer-in form (组织关系转入) and of the
// development step form's note on existing members (issue 18).
func init() {
	addMessages("party18", map[string][2]string{
		"full_member_count":             {"正式党员数", "Full members"},
		"probationary_member_count":     {"预备党员数", "Probationary members"},
		"transfer_missing_id_number":    {"请填写转入党员的身份证号", "fill in the member's ID number"},
		"transfer_missing_joined_party": {"请按组织关系介绍信填写入党日期", "fill in the joining date as the letter of transfer states it"},
		"transfer_missing_party_org":    {"请选择接收的党组织", "choose the receiving party organization"},
		"transfer_missing_transfer_on":  {"请填写转入日期", "fill in the date of the transfer"},
		"date_unknown":                  {"不详", "unknown"},
		"transfer_in":                   {"组织关系转入", "Transfer in"},
		"transfer_in_note": {"已经入党的党员将党组织关系转入本辖区的党组织：按组织关系介绍信填写入党日期、转正日期（预备党员不填），选择接收的党组织和转入日期。新发展的党员请在发展党员页逐步登记。",
			"A party member moving their party relation into a party organization of your scope: fill in the joining and conversion dates as the letter of transfer states them (none for a probationary member), the receiving organization and the date. New members are recorded step by step on the development page."},
		"transfer_id_note": {"须是已登记的人员；未登记的请先", "the person must be on record; if not,"},
		"transfer_full_note": {"中共党员填写；未填写的按入党日期满一年推定转正。中共预备党员不填，预备期满后在发展党员页登记转正",
			"for a full member; left empty, conversion is presumed a year after joining. None for a probationary member: record the conversion on the development page when probation ends"},
		"receiving_party_org":      {"接收党组织", "Receiving party organization"},
		"receiving_party_org_note": {"只能转入您辖区内的党组织", "only party organizations of your scope"},
		"transfer_on":              {"转入日期", "Date of transfer"},
		"transfer_origin":          {"转出党组织", "Sending party organization"},
		"transfer_origin_note":     {"按介绍信填写，如：某县某镇某村党支部", "as the letter names it"},
		"dev_new_members_note":     {"发展党员步骤只用于新发展的党员，从入党申请人起逐步登记。已经入党的：", "Development steps are for new members, from applicant on. Someone who already joined the party:"},
		"dev_edit_person_link":     {"在人员信息中填写政治面貌、入党日期、转正日期", "fill in the status and dates on the person's form"},
		"dev_transfer_link":        {"从其他党组织转来的，登记组织关系转入", "moving in from another party organization: record the transfer"},
	})
}
