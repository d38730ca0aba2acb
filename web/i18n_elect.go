package web

// Texts of the party organization's elections (换届记录, 登记换届).
func init() {
	addMessages("elect", map[string][2]string{
		"elections":         {"换届记录", "Elections"},
		"elections_note":    {"每次换届选举的日期；任期按当天之前最近一次换届计算。", "The day of each election; a term counts from the latest election up to the day."},
		"no_elections":      {"尚未登记换届。", "No election recorded yet."},
		"register_election": {"登记换届", "Record an election"},
		"election_on":       {"换届日期", "Election day"},
		"election_note":     {"说明（可选）", "Note (optional)"},
	})
	addLabels("field", zhOf("elections", "换届记录", "on", "日期"), zhOf("elections", "elections", "on", "on"))
}
