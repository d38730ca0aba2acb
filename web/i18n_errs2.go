package web

func init() {
	for k, v := range map[string][2]string{
		"choose_household": {"请选择农户", "choose a household"},
	} {
		messages[k] = v
	}
}
