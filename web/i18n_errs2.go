package web

func init() {
	addMessages("errs2", map[string][2]string{
		"choose_household": {"请选择农户", "choose a household"},
		"choose_scope":     {"范围应为区划：请输入县、乡镇或村的名称查找", "the scope is a division: type the name of a county, township or village to search"},
	})
}
