package web

// The interface text of users, signing in, sessions and the audit log.
func init() {
	addMessages("users", map[string][2]string{
		"login":          {"登录", "Sign in"},
		"username":       {"用户名", "User name"},
		"password":       {"密码", "Password"},
		"subject":        {"对象（部门代码/组织编号/指导员身份证号）", "Subject (department code / org number / instructor ID number)"},
		"create_user":    {"新建用户", "New user"},
		"disable":        {"停用", "Disable"},
		"enable":         {"启用", "Enable"},
		"disabled":       {"已停用", "disabled"},
		"reset_password": {"重设密码", "Reset password"},
		"new_password":   {"新密码", "New password"},
		"when":           {"时间", "When"},
		"user":           {"用户", "User"},
		"entity":         {"对象", "Record"},

		// Asking before disabling a user.
		"confirm_disable":   {"确认停用", "Yes, disable"},
		"confirm_disable_q": {"确认停用用户 %s？停用后该用户不能登录，可以再启用。", "Disable the user %s? They can no longer sign in until enabled again."},

		// Field errors of the user form.
		"choose_scope": {"范围应为区划：请输入县、乡镇或村的名称查找", "the scope is a division: type the name of a county, township or village to search"},

		"choose_role": {"请从列表中选择角色", "choose a role from the list"},

		// The audit log's notes.
		"audit_refused":  {"拒绝：", "refused: "},
		"audit_purged":   {"已清除 %[2]s 之前的 %[1]s 条记录（保留 %[3]s 天）", "purged %[1]s entries before %[2]s (retention %[3]s days)"},
		"audit_imported": {"导入%s文件 %s", "imported from a file of %s: %s"},
		"audit_created":  {"新建用户：%s，范围 %s", "created: %s, scope %s"},
	})
}
