package main

import (
	"fmt"
	"os"
	"path/filepath"

	"hezuo"
	"hezuo/report"
	"hezuo/sqldb"
)

var cmdReport = &command{
	name:  "report",
	usage: "report [--db DSN] [--scope CODE] [--as-of DATE] [--compare DATE] [--lang zh|en] --out FILE",
	short: "工作报告（.md .html .docx .pdf .xlsx）/ the county work report",
	long:  "合作组织党建工作报告，格式由文件扩展名决定：.md .html .docx .pdf .xlsx / the work report; the extension of FILE selects the format",
	flags: []flagGroup{dbFlags, scopeFlags, dayFlags},
	setup: runReport,
}

// runReport writes the work report of a scope as of a day to --out, in the
// format its extension names; with --compare it adds the change since
// that day. The file appears whole or not at all.
func runReport(f *flags) action {
	out := f.String("out", "", "输出文件（必填）/ output file (required)")
	compare := f.String("compare", "", "对比日期 YYYY-MM-DD：增加与该日相比的增减 / compare with this day (增长/减少)")
	return func(e *env, _ []string) error {
		if *out == "" {
			return usagef("缺少 --out FILE / --out FILE is required")
		}
		format, err := report.FormatOf(*out)
		if err != nil {
			return usageError{bilingual(err)}
		}
		var then hezuo.Date
		if *compare != "" {
			if then, err = hezuo.ParseDate(*compare); err != nil {
				return usageError{"--compare: " + bilingual(err)}
			}
		}
		return f.withDB(e, func(db *sqldb.DB) error {
			in, err := report.Collect(e.ctx, db, report.Options{Scope: f.scope, AsOf: f.day, Compare: then, Today: hezuo.Today(hezuo.China)})
			if err != nil {
				return err
			}
			doc := report.Build(in, e.lang)
			if err := writeAtomically(*out, func(w *os.File) error { return report.Write(e.ctx, w, doc, format) }); err != nil {
				return err
			}
			if e.lang == "en" {
				fmt.Fprintf(e.stdout, "report written to %s\n", *out)
			} else {
				fmt.Fprintf(e.stdout, "报告已写入 %s\n", *out)
			}
			return nil
		})
	}
}

// writeAtomically writes path through a temporary file in the same
// directory, renamed into place only when write succeeds.
func writeAtomically(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".hezuo-report-*")
	if err != nil {
		return hezuo.Errorf(hezuo.EINVALID, "无法写入 %s：%v", "cannot write %s: %v", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
