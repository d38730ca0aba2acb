package main

import (
	"fmt"
	"strings"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/xlsx"
)

var cmdImport = &command{
	name:  "import",
	usage: "import KIND FILE [--db DSN] [--dry-run] [--errors FILE]",
	short: "从 .xlsx/.csv 导入（全部或不导入）/ import a spreadsheet, all rows or none",
	long: "导入 .xlsx 或 .csv（UTF-8 或 GB18030）；任何一行有错则全部不导入，逐条列出 文件:行:列: 错误，并在文件旁生成标红的错误工作簿\n" +
		"import a .xlsx or .csv (UTF-8 or GB18030); any bad row rejects the file: every problem is listed as FILE:ROW:COLUMN: message\n" +
		"and an error workbook with the bad cells marked is written beside the file\n" +
		"KIND: " + strings.Join(xlsx.Kinds(), ", "),
	flags: []flagGroup{dbFlags, formatFlags},
	args:  2,
	setup: runImport,
}

// kindArg checks a KIND positional argument.
func kindArg(kind string) error {
	if xlsx.Lookup(kind) == nil {
		return usagef("未知的数据类型 %q / unknown KIND %q (%s)", kind, kind, strings.Join(xlsx.Kinds(), ", "))
	}
	return nil
}

func runImport(f *flags) action {
	dry := f.Bool("dry-run", false, "只检查并显示新增/更新/未变行数，不写入 / check and count only, write nothing")
	errBook := f.String("errors", "", "错误工作簿路径（默认在文件旁：NAME-errors.xlsx；none 不生成）/ error workbook path (default beside FILE; none: don't write)")
	return func(e *env, pos []string) error {
		if err := kindArg(pos[0]); err != nil {
			return err
		}
		return f.withDB(e, func(db *sqldb.DB) error { return importFile(e, f, db, pos[0], pos[1], *dry, *errBook) })
	}
}

// importFile runs `hezuo import KIND FILE` on the database.
func importFile(e *env, f *flags, db *sqldb.DB, kind, file string, dry bool, errBook string) error {
	now := time.Now() // the command's one reading of the clock
	res, err := xlsx.Import(e.ctx, db, kind, file, xlsx.Options{Today: hezuo.DateAt(now, hezuo.China), Now: now}, dry)
	if rej := xlsx.AsRejected(err); rej != nil {
		out := errBook
		if out == "" || out == file {
			out = xlsx.ErrorBookPath(file)
		}
		if out != "none" {
			if werr := xlsx.WriteErrorBook(rej, kind, out, e.lang); werr == nil {
				if e.lang == "en" {
					fmt.Fprintf(e.stdout, "nothing imported; the bad cells are marked in %s\n", out)
				} else {
					fmt.Fprintf(e.stdout, "未导入任何数据；错误已在 %s 中标红\n", out)
				}
			}
		}
		// The error's message is every problem, one a line (FILE:ROW:COLUMN: message).
		return err
	}
	if err != nil {
		return err
	}
	if f.asJSON() {
		out := map[string]any{"kind": res.Kind, "file": res.Path, "rows": res.Rows,
			"new": res.New, "changed": res.Changed, "unchanged": res.Unchanged, "dry_run": res.DryRun}
		if kind == "members" {
			out["presumed_full"], out["party_date_unknown"] = res.Presumed, res.PartyDateUnknown
		}
		return writeJSON(e.stdout, out)
	}
	// A members import says what it presumed about party dates.
	defer func() {
		for _, l := range res.Lines(e.lang) {
			fmt.Fprintln(e.stdout, l)
		}
	}()
	if e.lang == "en" {
		verb := "imported"
		if res.DryRun {
			verb = "dry run, nothing written"
		}
		fmt.Fprintf(e.stdout, "%s %s (%s): %d rows: %d new, %d changed, %d unchanged\n", res.Kind, file, verb, res.Rows, res.New, res.Changed, res.Unchanged)
		return nil
	}
	verb := "已导入"
	if res.DryRun {
		verb = "试运行，未写入"
	}
	fmt.Fprintf(e.stdout, "%s %s（%s）：共 %d 行，新增 %d，更新 %d，未变 %d\n", res.Kind, file, verb, res.Rows, res.New, res.Changed, res.Unchanged)
	return nil
}
