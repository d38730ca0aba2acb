package web

// The interface text of party status and its dates (check page, person form).
func init() {
	addMessages("party", map[string][2]string{
		"party_dates_unknown_n": {"%d 名党员入党日期不详，按加入组织日期计为党员，请补录",
			"%d party members without a joining date, counted from the day they joined their org: fill the dates in"},
		"party_dates_unknown_note": {"政治面貌属实，自何时起不详：请在人员信息中补录入党日期和转正日期", "the status is a fact, since when is not: fill in the dates on the person's form"},
		"counted_from":             {"计入起始日", "Counted from"},
		"shown_first_n":            {"仅列前 %d 名", "the first %d shown"},
		"political_status":         {"政治面貌", "Political status"},
		"joined_party":             {"入党日期", "Joined the party"},
		"full_member_since":        {"转正日期", "Full member since"},
		"masses":                   {"群众", "Not a party member"},
		"party_status_note": {"政治面貌只能前进（群众 → 预备党员 → 党员）；入党积极分子、发展对象在发展党员页登记",
			"the status only moves forward; activists and development objects are recorded on the development page"},
		"joined_party_note": {"支部大会通过接收为预备党员之日（党章第七条），不早于年满十八岁，不晚于今天；党员未填写的，入党日期不详，在检查页列出",
			"the day admitted as a probationary member (party constitution, Art. 7), not before 18 nor after today; left empty for a member, the date is unknown and the check page lists it"},
		"full_member_since_note": {"中共党员填写；未填写的按入党日期满一年推定转正（无对应日的取月末日）。不得早于入党日期满一年",
			"for a full member; left empty, conversion is presumed a year after joining (the month's last day when there is no corresponding day); not earlier than a year after joining"},
	})
}
