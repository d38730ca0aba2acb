package main

import (
	"fmt"
	"os"
	"path/filepath"

	"hezuo"
	"hezuo/report"
)

func init() {
	register(55, command{name: "report", summary: "工作报告（.md .html .docx .pdf .xlsx）/ the county work report", run: cmdReport})
}

// cmdReport writes the work report of a scope as of a day to --out, in the
// format its extension names; with --compare it adds the change since
// that day. The file appears whole or not at all.
func cmdReport(e *env, args []string) error {
	f := newFlags(e, "report [--db DSN] [--scope CODE] [--as-of DATE] [--compare DATE] [--lang zh|en] --out FILE",
		"合作组织党建工作报告，格式由文件扩展名决定：.md .html .docx .pdf .xlsx / the work report; the extension of FILE selects the format",
		"db", "scope", "as-of")
	out := f.String("out", "", "输出文件（必填）/ output file (required)")
	compare := f.String("compare", "", "对比日期 YYYY-MM-DD：增加与该日相比的增减 / compare with this day (增长/减少)")
	if err := f.parseOnly(e, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("缺少 --out FILE / --out FILE is required")
	}
	format, err := report.FormatOf(*out)
	if err != nil {
		return usagef("%s / %s", hezuo.ErrorMessage(err, "zh"), hezuo.ErrorMessage(err, "en"))
	}
	scope, day, err := f.scopeDay()
	if err != nil {
		return err
	}
	var then hezuo.Date
	if *compare != "" {
		if then, err = hezuo.ParseDate(*compare); err != nil {
			return usagef("--compare: %s / %s", hezuo.ErrorMessage(err, "zh"), hezuo.ErrorMessage(err, "en"))
		}
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	in, err := report.Collect(e.ctx, db, report.Options{Scope: scope, AsOf: day, Compare: then, Today: hezuo.Today(hezuo.China)})
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
