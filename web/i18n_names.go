package web

// The interface text of names shown for codes (issue 18): the scope by
// name in headings, and numbers the system proposes on new-record forms.
func init() {
	addMessages("names", map[string][2]string{
		"dash_heading":     {"合作组织党建", "party building in farmers' organizations"},
		"auto_number_hint": {"留空则自动生成", "leave blank to have one proposed"},
		"new_household_note_auto": {"新农户：填写户主、所在村、人口和贫困状态，户编号留空则自动生成；已登记农户只填户编号",
			"a new household: its head, village, size and poverty status, the number proposed when left blank; a known one: its number only"},
	})
}
