package web

// The interface text of the phone layout: the nav's button and the
// rosters' 全选.
func init() {
	addMessages("phone", map[string][2]string{
		"menu":       {"菜单", "Menu"},
		"select_all": {"全选", "Select all"},
		"select_all_note": {"勾选全选即全部名单人员出席（不用脚本时也有效）",
			"ticked, everyone on the roster attended (works without scripts too)"},
	})
}
