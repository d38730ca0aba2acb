package web

// The interface text about personal data stored encrypted (issue 9): ID
// numbers are matched by keyed hash, so only a whole one finds a person.
func init() {
	for k, v := range map[string][2]string{
		"people_search_placeholder": {"姓名 / 完整身份证号", "name / whole ID number"},
		"people_search_hint": {"姓名的一部分，或完整的 18 位身份证号（身份证号加密存储，按部分号码查不到）",
			"part of a name, or a whole 18-character ID number (ID numbers are stored encrypted: part of one finds nothing)"},
	} {
		messages[k] = v
	}
}
