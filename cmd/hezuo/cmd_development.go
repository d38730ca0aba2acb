package main

import (
	"fmt"
	"io"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb"
)

var cmdDevelopment = &command{
	name:  "development",
	usage: "development [--db DSN] [--scope CODE] [--as-of DATE] [--format json|text]",
	short: "发展党员：各组织到期和逾期的环节、指导员所联系组织的发展成效 / member development due and overdue per org, instructors' results",
	long:  "按合作组织列出发展党员到期、逾期的环节，以及各指导员所联系组织的发展成效 / member development steps due and overdue per org, and what each instructor's orgs achieved",
	flags: []flagGroup{dbFlags, scopeFlags, dayFlags, formatFlags},
	setup: runDevelopment,
}

// runDevelopment runs `hezuo development`: per org in scope, the
// development steps of its members that are due, overdue, ready or
// irregular on the day (rules.DevelopmentReport, time limits from the
// settings), and per instructor the steps taken in the orgs dispatched to.
func runDevelopment(f *flags) action {
	return f.onDB(func(e *env, db *sqldb.DB, _ []string) error {
		st, err := db.Settings(e.ctx)
		if err != nil {
			return err
		}
		facts, err := db.DevelopmentFacts(e.ctx, f.scope)
		if err != nil {
			return err
		}
		rep := rules.DevelopmentReport(st, facts, f.day)
		for i := range rep.Orgs { // ID numbers leave the system masked, as loan lists do
			for j := range rep.Orgs[i].Items {
				it := &rep.Orgs[i].Items[j]
				it.IDNumber = hezuo.MaskIDNumber(it.IDNumber)
			}
		}
		for i := range rep.Instructors {
			rep.Instructors[i].IDNumber = hezuo.MaskIDNumber(rep.Instructors[i].IDNumber)
		}
		return f.output(e, rep, func(w io.Writer) { printDevelopment(w, rep, f.scope.String(), e.lang) })
	})
}

var devStateZH = map[string]string{rules.DevDue: "到期", rules.DevOverdue: "逾期", rules.DevReady: "可进入下一环节", rules.DevIrregular: "不合规"}

func printDevelopment(w io.Writer, rep rules.DevReport, scope, lang string) {
	en := lang == "en"
	if en {
		fmt.Fprintf(w, "As of %s, scope %s: %d orgs with development steps to follow up\n", rep.AsOf, scope, len(rep.Orgs))
	} else {
		fmt.Fprintf(w, "截止 %s，范围 %s：有发展党员待办事项的组织 %d 个\n", rep.AsOf, scope, len(rep.Orgs))
	}
	for _, o := range rep.Orgs {
		if en {
			fmt.Fprintf(w, "\n%s %s: %d overdue, %d irregular, %d due, %d ready\n", o.OrgNo, o.Name, o.Overdue, o.Irregular, o.Due, o.Ready)
		} else {
			fmt.Fprintf(w, "\n%s %s：逾期 %d，不合规 %d，到期 %d，可进入下一环节 %d\n", o.OrgNo, o.Name, o.Overdue, o.Irregular, o.Due, o.Ready)
		}
		for _, it := range o.Items {
			state := devStateZH[it.State]
			if en {
				state = it.State
			}
			fmt.Fprintf(w, "  [%s] %s %s  %s  %s\n", state, it.Name, it.IDNumber, it.By, it.Reason.Text(lang))
		}
	}
	if en {
		fmt.Fprintf(w, "\nInstructors (steps taken in their orgs while dispatched): %d\n", len(rep.Instructors))
	} else {
		fmt.Fprintf(w, "\n指导员（派驻期间所联系组织的发展成效）：%d 名\n", len(rep.Instructors))
	}
	for _, a := range rep.Instructors {
		if en {
			fmt.Fprintf(w, "  %s %s (%d orgs): %d activists, %d development objects, %d admitted, %d converted\n",
				a.Name, a.IDNumber, len(a.Orgs), a.Activists, a.Candidates, a.Probationary, a.Converted)
		} else {
			fmt.Fprintf(w, "  %s %s（%d 个组织）：积极分子 %d，发展对象 %d，吸收预备党员 %d，转正 %d\n",
				a.Name, a.IDNumber, len(a.Orgs), a.Activists, a.Candidates, a.Probationary, a.Converted)
		}
	}
}
