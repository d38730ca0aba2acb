package main

import (
	"fmt"
	"strings"

	"hezuo/xlsx"
)

var cmdTemplate = &command{
	name:  "template",
	usage: "template KIND FILE.xlsx",
	short: "生成导入模板 .xlsx / write an import template",
	long:  "生成导入模板：表头、说明、下拉选项和示例行 / write the import template: headers, notes, dropdowns, example row\nKIND: " + strings.Join(xlsx.Kinds(), ", "),
	args:  2,
	setup: runTemplate,
}

func runTemplate(*flags) action {
	return func(e *env, pos []string) error {
		if err := kindArg(pos[0]); err != nil {
			return err
		}
		if xlsx.Format(pos[1]) != "xlsx" {
			return usagef("模板文件应为 .xlsx / the template must be a .xlsx file")
		}
		if err := xlsx.WriteTemplate(pos[0], pos[1]); err != nil {
			return err
		}
		if e.lang == "en" {
			fmt.Fprintf(e.stdout, "template for %s written to %s\n", pos[0], pos[1])
		} else {
			fmt.Fprintf(e.stdout, "%s 导入模板已写入 %s\n", pos[0], pos[1])
		}
		return nil
	}
}
