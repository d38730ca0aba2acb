package main

import (
	"fmt"
	"io"
	"strings"

	"hezuo"
	"hezuo/sqldb"
)

var cmdCheck = &command{
	name:  "check",
	usage: "check [--db DSN] [--scope CODE] [--as-of DATE] [--status all|ok|should_build|uncovered|instructor_only|term_due|own_org|joint_or_group|instructor] [--format json|text]",
	short: "规则检查 / apply the rules to every org",
	long: "每个组织的应建形式、实际形式、状态、管理组织和理由；--status 只列出一类（should_build 为统计“应建未建”的组织，含应建的空白点；uncovered 为空白点；instructor_only 仅派指导员；term_due 党组织换届到期；own_org、joint_or_group 按覆盖形式；instructor 已派指导员）\n" +
		"every org's required and actual form, status, manager and reasons; --status lists one kind (should_build: the orgs the figure should_build_not_built counts, blank spots that must build included; uncovered: the blank spots; instructor_only: an instructor and no party organization; term_due: a covering party organization is due for re-election; own_org, joint_or_group: by coverage; instructor: an instructor dispatched)",
	flags: []flagGroup{dbFlags, scopeFlags, dayFlags, formatFlags},
	setup: runCheck,
}

func runCheck(f *flags) action {
	list := f.String("status", hezuo.ListAll, "列出的组织 all|ok|should_build|uncovered|instructor_only|term_due|own_org|joint_or_group|instructor / orgs listed")
	return func(e *env, _ []string) error {
		if !hezuo.ValidList(*list) {
			return usagef("--status 应为 %s 之一，而不是 %q / --status must be one of %s, not %q", strings.Join(hezuo.Lists, "、"), *list, strings.Join(hezuo.Lists, ", "), *list)
		}
		return f.withDB(e, func(db *sqldb.DB) error {
			rows, err := db.Check(e.ctx, f.scope, f.day)
			if err != nil {
				return err
			}
			views := []hezuo.CheckView{}
			for _, r := range rows {
				if r.InList(*list) {
					views = append(views, r.View(e.lang))
				}
			}
			return f.output(e, views, func(w io.Writer) { printCheck(w, views, e.lang) })
		})
	}
}

func printCheck(w io.Writer, views []hezuo.CheckView, lang string) {
	counts := map[string]int{}
	for _, v := range views {
		for _, l := range []string{hezuo.ListOK, hezuo.ListShouldBuild, hezuo.ListUncovered} {
			if v.InList(l) {
				counts[l]++
			}
		}
		if lang == "en" {
			fmt.Fprintf(w, "%s %s [%s] required %s, actual %s, status %s, managed by %s %s\n",
				v.OrgNo, v.Name, v.Kind, v.Required, v.Actual, v.Status, v.ManagedBy.Level, v.ManagedBy.Code)
		} else {
			fmt.Fprintf(w, "%s %s〔%s〕应建：%s；实有：%s；状态：%s；管理：%s %s\n",
				v.OrgNo, v.Name, hezuo.KindNames[v.Kind], hezuo.RequiredNames[v.Required], hezuo.ActualNames[v.Actual],
				hezuo.StatusLabels[v.Status], v.ManagedBy.Name, v.ManagedBy.Code)
		}
		printNotes(w, v.Reasons, v.Warnings, v.Suggestions)
	}
	if lang == "en" {
		fmt.Fprintf(w, "%d orgs: %d ok, %d should build (blank spots that must build included), %d blank spots\n", len(views), counts["ok"], counts["should_build"], counts["uncovered"])
	} else {
		fmt.Fprintf(w, "共 %d 个组织：正常 %d 个，应建未建 %d 个（含应建的空白点），空白点 %d 个\n", len(views), counts["ok"], counts["should_build"], counts["uncovered"])
	}
}

// printNotes writes an org's reasons, warnings and suggestions, as check
// and evaluate print them.
func printNotes(w io.Writer, reasons, warnings, suggestions []string) {
	for _, r := range reasons {
		fmt.Fprintf(w, "    · %s\n", r)
	}
	for _, r := range warnings {
		fmt.Fprintf(w, "    ! %s\n", r)
	}
	for _, r := range suggestions {
		fmt.Fprintf(w, "    → %s\n", r)
	}
}
