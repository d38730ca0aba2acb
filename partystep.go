package hezuo

import "fmt"

// CheckDevelopmentStep refuses a development step that cannot be one (status
// for the person name, whose last step is lastStatus, "" when none, from
// lastFrom, marked unknown or not):
// a party member's standing without development steps, a step after full
// membership, or a conversion whose probation has no known start. Its
// messages point to the person form (入党日期, 转正日期) and the
// transfer-in form, where an existing member is recorded. rec names the
// record for the error (Invalid).
func CheckDevelopmentStep(rec, name, status, lastStatus string, lastFrom Date, lastUnknown bool) error {
	isMember := status == StatusProbationary || status == StatusFull
	if lastStatus == "" {
		if isMember {
			return Invalid(rec, "status",
				fmt.Sprintf("%s 没有发展党员记录，不能直接登记为“%s”。发展党员步骤只用于新发展的党员（从入党申请人起逐步登记）；"+
					"已经入党的，请在人员信息的“修改”中填写政治面貌、入党日期和转正日期；从其他党组织转来的，请用“组织关系转入”登记", name, StatusNames[status]),
				fmt.Sprintf("%s has no development record and cannot be recorded as %s here. Development steps are for new members, from applicant on; "+
					"for someone who joined the party before, fill in the political status, joining and conversion dates on the person's edit form; "+
					"for a member moving in from another party organization, use the transfer-in form", name, status))
		}
		return nil
	}
	switch {
	case lastStatus == StatusFull:
		return Invalid(rec, "status",
			fmt.Sprintf("%s 自 %s 起已是中共党员，没有下一个发展步骤；入党日期、转正日期有误的，请在人员信息的“修改”中更正；组织关系转接请用“组织关系转入”", name, lastFrom),
			fmt.Sprintf("%s has been a full member since %s: there is no next step; correct the joining or conversion date on the person's edit form; "+
				"record a move of the party relation with the transfer-in form", name, lastFrom))
	case lastStatus == StatusProbationary && status == StatusFull && lastUnknown:
		return Invalid(rec, "status",
			fmt.Sprintf("%s 的入党日期不详，无法核对一年预备期（党章第七条）：请先在人员信息的“修改”中填写入党日期（已转正的可一并填写转正日期）", name),
			fmt.Sprintf("%s's joining date is unknown, so the year of probation (party constitution, Art. 7) cannot be checked: "+
				"fill in the joining date on the person's edit form first (and the conversion date, if converted)", name))
	}
	return nil
}
