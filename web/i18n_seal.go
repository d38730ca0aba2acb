package web

// The interface text about personal data stored encrypted (issue 9): ID
// numbers are matched by keyed hash, so only a whole one finds a person.
func init() {
	addMessages("seal", map[string][2]string{
		"people_search_placeholder": {"姓名 / 完整身份证号", "name / whole ID number"},
		"people_search_hint": {"姓名的一部分，或完整的 18 位身份证号（身份证号加密存储，按部分号码查不到）",
			"part of a name, or a whole 18-character ID number (ID numbers are stored encrypted: part of one finds nothing)"},
		// For roles that see ID numbers masked (issue 16): a lookup by whole
		// number would confirm a guess, so they search names only.
		"people_search_placeholder_masked": {"姓名", "name"},
		"people_search_hint_masked": {"姓名的一部分（您的角色看不到完整身份证号，也不能按身份证号查找）",
			"part of a name (your role sees ID numbers masked and may not look people up by one)"},
	})
}
