package main

import (
	"fmt"
	"strings"

	"hezuo"
	"hezuo/xlsx"
)

func init() {
	register(62, command{name: "export", summary: "导出为 .xlsx/.csv / export a list", run: cmdExport})
}

func cmdExport(e *env, args []string) error {
	f := newFlags(e, "export KIND FILE [--db DSN] [--scope CODE]", "导出为 .xlsx 或 .csv（按扩展名），可直接再导入 / export as .xlsx or .csv (by extension); imports back unchanged\nKIND: "+strings.Join(xlsx.Kinds(), ", "), "db", "scope")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("用法 / usage: hezuo export KIND FILE [--db DSN] [--scope CODE]")
	}
	if err := kindArg(pos[0]); err != nil {
		return err
	}
	if xlsx.Format(pos[1]) == "" {
		return usagef("导出文件应为 .xlsx 或 .csv / the file must be .xlsx or .csv")
	}
	scope, _, err := f.scopeDay()
	if err != nil {
		return err
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	ds, err := db.Dump(e.ctx, scope)
	if err != nil {
		return err
	}
	if xlsx.IsPlatform(pos[0]) {
		if err := db.DumpPlatforms(e.ctx, scope, ds); err != nil {
			return err
		}
	}
	n, err := xlsx.Export(pos[0], ds, hezuo.Today(hezuo.China), pos[1])
	if err != nil {
		return err
	}
	if e.lang == "en" {
		fmt.Fprintf(e.stdout, "%d %s rows written to %s\n", n, pos[0], pos[1])
	} else {
		fmt.Fprintf(e.stdout, "已导出 %s %d 行到 %s\n", pos[0], n, pos[1])
	}
	return nil
}
