package web

// The interface text of the plan page: joint branches and instructors
// proposed for the orgs that should build one.
func init() {
	addMessages("plans", map[string][2]string{
		"plan_pick":          {"选择乡镇查看联合党支部和指导员派驻方案", "choose a township to see its joint-branch and instructor plans"},
		"plan_joint_orgs":    {"需联合组建的组织", "Orgs needing a joint branch"},
		"plan_ins_orgs":      {"需派指导员的组织", "Orgs needing an instructor"},
		"plan_note":          {"方案由规则自动提出，可调整后采纳；采纳即以今天为日期建立（一个事务，全部或全不）。", "The rules propose; adjust, then accept: records are created dated today, all or none."},
		"plan_all_townships": {"全部乡镇", "all townships"},
		"plan_joint":         {"联合党支部方案", "Joint branches"},
		"plan_instructors":   {"党建工作指导员派驻方案", "Instructor dispatches"},
		"plan_checked":       {"调整后的方案符合要求，可以采纳", "the adjusted plan holds: it may be accepted"},
		"joint_branch_n":     {"联合党支部", "Joint branch"},
		"full_members":       {"正式党员", "full members"},
		"plan_move":          {"编入", "Place in"},
		"plan_unplaced":      {"未编入联合党支部的组织", "Orgs not placed"},
		"plan_not_placed":    {"不编入", "not placed"},
		"plan_new_branch":    {"新建联合党支部", "New joint branch"},
		"plan_check":         {"校验调整", "Check my changes"},
		"plan_accept_joint":  {"采纳并建立联合党支部", "Accept: create the joint branches"},
		"plan_accept_ins":    {"采纳并派驻", "Accept: send the instructors"},
		"plan_joint_none":    {"本乡镇没有需要组建联合党支部而尚未组建的组织", "no org of this township needs a joint branch and lacks one"},
		"plan_ins_none":      {"本乡镇没有需要派驻指导员而尚未派驻的组织", "no org of this township needs an instructor and lacks one"},
		"plan_no_instructor": {"不派驻", "none"},
		"removed_by_you":     {"已在本次调整中移出", "taken out in this edit"},
		"serves_n":           {"现负责 %d 个组织", "serves %d orgs"},
	})
}
