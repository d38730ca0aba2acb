package main

import (
	"fmt"
	"io"

	"hezuo"
)

func cmdCheck(e *env, args []string) error {
	f := newFlags(e, "check [--db DSN] [--scope CODE] [--as-of DATE] [--format json|text]",
		"每个组织的应建形式、实际形式、状态、管理组织和理由 / every org's required and actual form, status, manager and reasons",
		"db", "scope", "as-of", "format")
	db, scope, day, err := f.openAt(e, args)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.Check(e.ctx, scope, day)
	if err != nil {
		return err
	}
	views := make([]hezuo.CheckView, len(rows))
	for i, r := range rows {
		views[i] = r.View(e.lang)
	}
	if *f.format == "json" {
		return writeJSON(e.stdout, views)
	}
	printCheck(e.stdout, views, e.lang)
	return nil
}

func printCheck(w io.Writer, views []hezuo.CheckView, lang string) {
	counts := map[string]int{}
	for _, v := range views {
		counts[v.Status]++
		if lang == "en" {
			fmt.Fprintf(w, "%s %s [%s] required %s, actual %s, status %s, managed by %s %s\n",
				v.OrgNo, v.Name, v.Kind, v.Required, v.Actual, v.Status, v.ManagedBy.Level, v.ManagedBy.Code)
		} else {
			fmt.Fprintf(w, "%s %s〔%s〕应建：%s；实有：%s；状态：%s；管理：%s %s\n",
				v.OrgNo, v.Name, hezuo.KindNames[v.Kind], hezuo.RequiredNames[v.Required], hezuo.ActualNames[v.Actual],
				hezuo.StatusLabels[v.Status], v.ManagedBy.Name, v.ManagedBy.Code)
		}
		for _, r := range v.Reasons {
			fmt.Fprintf(w, "    · %s\n", r)
		}
		for _, r := range v.Warnings {
			fmt.Fprintf(w, "    ! %s\n", r)
		}
		for _, r := range v.Suggestions {
			fmt.Fprintf(w, "    → %s\n", r)
		}
	}
	if lang == "en" {
		fmt.Fprintf(w, "%d orgs: %d ok, %d should build, %d blank spots\n", len(views), counts["ok"], counts["should_build"], counts["uncovered"])
	} else {
		fmt.Fprintf(w, "共 %d 个组织：正常 %d 个，应建未建 %d 个，空白点 %d 个\n", len(views), counts["ok"], counts["should_build"], counts["uncovered"])
	}
}
