package main

import (
	"fmt"
	"strings"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

var cmdExport = &command{
	name:  "export",
	usage: "export KIND FILE [--db DSN] [--scope CODE]",
	short: "导出为 .xlsx/.csv / export a list",
	long:  "导出为 .xlsx 或 .csv（按扩展名），可直接再导入 / export as .xlsx or .csv (by extension); imports back unchanged\nKIND: " + strings.Join(xlsx.Kinds(), ", "),
	flags: []flagGroup{dbFlags, scopeFlags},
	args:  2,
	setup: runExport,
}

func runExport(f *flags) action {
	return func(e *env, pos []string) error {
		kind, file := pos[0], pos[1]
		if err := kindArg(kind); err != nil {
			return err
		}
		if xlsx.Format(file) == "" {
			return usagef("导出文件应为 .xlsx 或 .csv / the file must be .xlsx or .csv")
		}
		return f.withDB(e, func(db *sqldb.DB) error {
			ds, err := db.Dump(e.ctx, f.scope)
			if err != nil {
				return err
			}
			if xlsx.IsPlatform(kind) {
				if err := db.DumpPlatforms(e.ctx, f.scope, ds); err != nil {
					return err
				}
			}
			n, err := xlsx.Export(kind, ds, hezuo.Today(hezuo.China), file)
			if err != nil {
				return err
			}
			if e.lang == "en" {
				fmt.Fprintf(e.stdout, "%d %s rows written to %s\n", n, kind, file)
			} else {
				fmt.Fprintf(e.stdout, "已导出 %s %d 行到 %s\n", kind, n, file)
			}
			return nil
		})
	}
}
