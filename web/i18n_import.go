package web

// The interface text of the upload page, the list downloads and the
// report page.
func init() {
	addMessages("import", map[string][2]string{
		"import":                   {"批量导入", "Import"},
		"report":                   {"工作报告", "Report"},
		"download_xlsx":            {"下载 Excel", "Download .xlsx"},
		"import_kind":              {"数据类型", "KIND"},
		"import_file":              {"文件（.xlsx 或 .csv，不超过 20 MB）", "File (.xlsx or .csv, at most 20 MB)"},
		"import_check":             {"上传并检查", "Upload and check"},
		"import_note":              {"先检查、后写入：上传后显示将新增、更新的行数和全部问题；确认后一次写入，任何一行有错则全部不导入。", "Check first, write second: the upload shows how many rows would be new or changed and every problem; confirming writes them in one go, and any bad row rejects the whole file."},
		"import_templates":         {"导入模板", "Templates"},
		"import_preview":           {"检查结果", "Preview"},
		"import_rows":              {"行数", "Rows"},
		"import_new":               {"新增", "New"},
		"import_changed":           {"更新", "Changed"},
		"import_same":              {"未变", "Unchanged"},
		"import_problems":          {"发现问题，未导入任何数据", "Problems found: nothing was imported"},
		"import_errbook":           {"下载标红的错误工作簿", "Download the error workbook"},
		"import_confirm":           {"确认导入", "Confirm import"},
		"import_cancel":            {"取消并删除上传的文件", "Cancel and delete the uploaded file"},
		"import_done":              {"已导入", "Imported"},
		"kind_divisions":           {"行政区划", "Divisions"},
		"kind_orgs":                {"合作组织", "Organizations"},
		"kind_members":             {"会员", "Members"},
		"kind_party-orgs":          {"党组织", "Party organizations"},
		"kind_officers":            {"党组织任职", "Officers"},
		"kind_instructors":         {"党建指导员", "Instructors"},
		"kind_dispatches":          {"派驻", "Dispatches"},
		"kind_loans":               {"党员农贷", "Loans"},
		"kind_repayments":          {"贷款还款", "Loan repayments"},
		"kind_guarantors":          {"公职人员担保", "Public-servant guarantees"},
		"kind_trainings":           {"培训", "Trainings"},
		"kind_attendances":         {"参训记录", "Training attendances"},
		"kind_pairings":            {"结对帮扶", "Household pairings"},
		"kind_unit-pairings":       {"包村联户", "Unit pairings"},
		"kind_contacts":            {"党员联系户", "Linked households"},
		"kind_visits":              {"联系户走访", "Household visits"},
		"kind_meetings":            {"组织生活会议", "Meetings"},
		"kind_meeting-attendances": {"参会记录", "Meeting attendances"},
		"kind_commitments":         {"党员承诺践诺", "Commitments"},
		"import_scope":             {"导入范围", "Import scope"},
		"report_compare":           {"对比日期（可选）", "Compare with (optional)"},
		"report_lang":              {"报告语言", "Report language"},
		"report_show":              {"生成", "Build"},
		"report_download":          {"下载", "Download"},
		"report_nopdf":             {"本机未安装 Chromium，无法生成 PDF", "no Chromium here: PDF is unavailable"},
		"report_preview":           {"预览（正文与表格标题；图表和表格见下载文件）", "Preview (prose and table captions; charts and tables are in the downloads)"},
	})
}

// SeesReport tells the layout whether to link the report page: roles whose
// reach is a whole division (reports count every org of an area).
func (p Page) SeesReport() bool { return p.SeesPlans() }

// KindName returns the name of an import KIND in the page's language.
func (p Page) KindName(kind string) string { return p.T("kind_" + kind) }
