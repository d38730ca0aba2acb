package web

import "hezuo/xlsx"

// The interface text of the upload page, the import check and the list
// downloads.
func init() {
	addMessages("import", map[string][2]string{
		// The import check's problem table.
		"import_problem_table":  {"问题清单", "Problems"},
		"import_problem_row":    {"行", "Row"},
		"import_problem_column": {"列", "Column"},
		"import_problem_value":  {"填写的值", "Value"},
		"import_problem_what":   {"问题", "What is wrong"},
		"import_problem_count":  {"共 %d 个问题，涉及 %d 行；请一次改完后重新检查。", "%d problems in %d rows: fix them all, then check again."},
		"import_problem_lines":  {"文本清单（可复制）", "As text (to copy)"},
		"import_problem_more":   {"另有 %d 个问题未在此列出，见标红的工作簿。", "%d more problems are not listed here: see the marked workbook."},

		// List downloads.
		"download_xlsx_list": {"下载本列表 .xlsx", "Download this list (.xlsx)"},

		// Upload and import.
		"import_kind":      {"数据类型", "KIND"},
		"import_file":      {"文件（.xlsx 或 .csv，不超过 20 MB）", "File (.xlsx or .csv, at most 20 MB)"},
		"import_check":     {"上传并检查", "Upload and check"},
		"import_note":      {"先检查、后写入：上传后显示将新增、更新的行数和全部问题；确认后一次写入，任何一行有错则全部不导入。", "Check first, write second: the upload shows how many rows would be new or changed and every problem; confirming writes them in one go, and any bad row rejects the whole file."},
		"import_templates": {"导入模板", "Templates"},
		"import_preview":   {"检查结果", "Preview"},
		"import_rows":      {"行数", "Rows"},
		"import_new":       {"新增", "New"},
		"import_changed":   {"更新", "Changed"},
		"import_same":      {"未变", "Unchanged"},
		"import_problems":  {"发现问题，未导入任何数据", "Problems found: nothing was imported"},
		"import_errbook":   {"下载标红的错误工作簿", "Download the error workbook"},
		"import_confirm":   {"确认导入", "Confirm import"},
		"import_cancel":    {"取消并删除上传的文件", "Cancel and delete the uploaded file"},
		"import_done":      {"已导入", "Imported"},
		"import_scope":     {"导入范围", "Import scope"},
	})
	addMessages("import", importKindNames)
}

// importKindNames names each import KIND ("kind_loans") as its schema
// does (xlsx.KindList), so a new KIND brings its name. The audit log's
// entity labels read it too (an import's entry names its KIND): from this
// table rather than from messages, which other files' init functions fill
// in file-name order.
var importKindNames = func() map[string][2]string {
	m := map[string][2]string{}
	for _, k := range xlsx.KindList() {
		m["kind_"+k.Kind] = [2]string{k.ZH, k.EN}
	}
	return m
}()

// KindName returns the name of an import KIND in the page's language.
func (p Page) KindName(kind string) string { return p.T("kind_" + kind) }
