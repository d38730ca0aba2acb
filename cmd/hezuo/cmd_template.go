package main

import (
	"fmt"
	"strings"

	"hezuo/xlsx"
)

func init() {
	register(61, command{name: "template", summary: "生成导入模板 .xlsx / write an import template", run: cmdTemplate})
}

func cmdTemplate(e *env, args []string) error {
	f := newFlags(e, "template KIND FILE.xlsx", "生成导入模板：表头、说明、下拉选项和示例行 / write the import template: headers, notes, dropdowns, example row\nKIND: "+strings.Join(xlsx.Kinds(), ", "))
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("用法 / usage: hezuo template KIND FILE.xlsx")
	}
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
