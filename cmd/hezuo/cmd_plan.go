package main

import (
	"fmt"
	"io"
	"strings"

	"hezuo"
	"hezuo/plan"
	"hezuo/sqldb"
	"hezuo/store"
)

var cmdPlan = &command{
	name:  "plan",
	usage: "plan joint-branches|instructors [--db DSN] [--scope CODE] [--as-of DATE] [--format json|text] [--accept]",
	short: "联合党支部、指导员派驻方案 / propose joint branches and instructor dispatches",
	long: "joint-branches：为需要组建党小组或联合党支部而尚未组建的组织提出联合党支部方案（同一乡镇，不超过 5 个单位，正式党员合计不少于 3 名）；\n" +
		"instructors：为没有党员、也未派驻指导员的组织提出本乡镇指导员派驻方案（就近，每人负责组织数不超过上限）。\n" +
		"--accept 按方案以今天为日期建立联合党支部或派驻记录（一个事务，全部或全不）。\n" +
		"joint-branches: propose joint branches for the orgs that need a party group or joint branch and have none (one township, at most 5 units, at least 3 full members);\n" +
		"instructors: propose dispatches of the township's instructors to orgs with no party members and no instructor (nearest first, within each instructor's limit).\n" +
		"--accept creates the proposed branches or dispatches dated today, in one transaction.",
	flags: []flagGroup{dbFlags, scopeFlags, dayFlags, formatFlags},
	args:  1,
	setup: runPlan,
}

func runPlan(f *flags) action {
	accept := f.Bool("accept", false, "按方案建立（日期为今天）/ create what the plan proposes, dated today")
	return func(e *env, pos []string) error {
		if pos[0] != "joint-branches" && pos[0] != "instructors" {
			return f.cmd.usageErr()
		}
		if *accept && *f.asOf != "" {
			return usagef("--accept 以今天为日期建立，不能与 --as-of 同用 / --accept creates records dated today and cannot take --as-of")
		}
		return f.withDB(e, func(db *sqldb.DB) error {
			in, err := db.PlanInput(e.ctx, f.scope, f.day)
			if err != nil {
				return err
			}
			if pos[0] == "instructors" {
				return planInstructors(e, f, db, in, *accept)
			}
			return planJoint(e, f, db, in, *accept)
		})
	}
}

// jointOutput is the JSON of `plan joint-branches`, with the party
// organizations created under --accept.
type jointOutput struct {
	plan.JointView
	Created []hezuo.PartyOrg `json:"created,omitempty"`
}

// planJoint proposes (and under --accept creates) the joint branches of
// the scope and day in f.
func planJoint(e *env, f *flags, db *sqldb.DB, in *store.PlanInput, accept bool) error {
	p := plan.JointBranches(in.JointOrgs, in.Settings)
	out := jointOutput{JointView: p.View(e.lang)}
	out.Scope, out.AsOf = f.scope.String(), f.day.String()
	if accept && len(p.Branches) > 0 {
		groups := make([][]string, len(p.Branches))
		for i, b := range p.Branches {
			groups[i] = b.Orgs
		}
		var err error
		if out.Created, err = db.AcceptJoint(e.ctx, in, groups, f.day); err != nil {
			return err
		}
	}
	return f.output(e, out, func(w io.Writer) { printJoint(w, out, e.lang, accept) })
}

// tr picks the Chinese or the English text.
func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func place(lang, name, code string) string {
	if name == "" {
		return code
	}
	return tr(lang, name+"（"+code+"）", name+" ("+code+")")
}

func printJoint(w io.Writer, v jointOutput, lang string, accept bool) {
	fmt.Fprintf(w, tr(lang, "建议组建联合党支部 %d 个：\n", "joint branches proposed: %d\n"), len(v.Branches))
	for i, b := range v.Branches {
		orgs := make([]string, len(b.Orgs))
		for j, no := range b.Orgs {
			orgs[j] = strings.TrimSpace(no + " " + b.OrgNames[j])
		}
		fmt.Fprintf(w, tr(lang, "%d. %s：%s；正式党员 %d 名\n", "%d. %s: %s; %d full party members\n"),
			i+1, place(lang, b.TownshipName, b.Township), strings.Join(orgs, tr(lang, "、", ", ")), b.FullPartyMembers)
		for _, r := range b.Reasons {
			fmt.Fprintf(w, "   · %s\n", r)
		}
	}
	if len(v.UnplacedReasons) > 0 {
		fmt.Fprintf(w, tr(lang, "未能编入联合党支部的组织 %d 个：\n", "orgs not placed: %d\n"), len(v.UnplacedReasons))
		for _, u := range v.UnplacedReasons {
			fmt.Fprintf(w, "- %s %s: %s\n", u.OrgNo, u.Name, u.Reason)
		}
	}
	placed := 0
	for _, a := range v.Townships {
		placed += a.Placed
		fmt.Fprintf(w, tr(lang, "  %s：组织 %d 个，正式党员 %d 名；最多可建 %d 个，建议 %d 个，编入 %d 个\n",
			"  %s: orgs %d, full party members %d; branches possible %d, proposed %d; orgs placed %d\n"),
			place(lang, a.Name, a.Township), a.Orgs, a.FullMembers, a.MaxBranches, a.Branches, a.Placed)
	}
	fmt.Fprintf(w, tr(lang, "合计：联合党支部 %d 个，编入组织 %d 个，未编入 %d 个\n", "total: joint branches %d, orgs placed %d, not placed %d\n"),
		len(v.Branches), placed, len(v.Unplaced))
	if accept {
		printCreated(w, lang, v.Created)
	}
}

func printCreated(w io.Writer, lang string, created []hezuo.PartyOrg) {
	if len(created) == 0 {
		fmt.Fprintln(w, tr(lang, "没有可建立的联合党支部", "nothing to create"))
	}
	for _, po := range created {
		manager := po.Manager
		if manager == "" {
			manager = tr(lang, "（未登记乡镇党委）", "(no township committee on record)")
		}
		fmt.Fprintf(w, tr(lang, "已建立 %s %s（%s），驻地 %s，管理 %s，自 %s 起\n", "created %s %s (%s), seat %s, managed by %s, from %s\n"),
			po.No, po.Name, strings.Join(po.Orgs, tr(lang, "、", ", ")), po.Seat, manager, po.From)
	}
}

// instructorOutput is the JSON of `plan instructors`, with the dispatches
// created under --accept.
type instructorOutput struct {
	plan.InstructorView
	Created []plan.DispatchView `json:"created,omitempty"`
}

// planInstructors proposes (and under --accept creates) the instructor
// dispatches of the scope and day in f.
func planInstructors(e *env, f *flags, db *sqldb.DB, in *store.PlanInput, accept bool) error {
	p := plan.Instructors(in.InstructorOrgs, in.Instructors, in.Settings)
	out := instructorOutput{InstructorView: p.View(e.lang)}
	out.Scope, out.AsOf = f.scope.String(), f.day.String()
	if accept && len(p.Dispatches) > 0 {
		pairs := make([]hezuo.Dispatch, len(p.Dispatches))
		for i, d := range p.Dispatches {
			pairs[i] = hezuo.Dispatch{IDNumber: d.IDNumber, OrgNo: d.OrgNo}
		}
		if _, err := db.AcceptDispatches(e.ctx, in, pairs, f.day); err != nil {
			return err
		}
		out.Created = out.Dispatches
	}
	return f.output(e, out, func(w io.Writer) { printInstructors(w, out, e.lang, accept, f.day) })
}

// printInstructors writes the instructor plan as text, and what --accept
// created from day.
func printInstructors(w io.Writer, out instructorOutput, lang string, accept bool, day hezuo.Date) {
	fmt.Fprintf(w, tr(lang, "建议派驻党建工作指导员 %d 处：\n", "instructor dispatches proposed: %d\n"), len(out.Dispatches))
	for _, d := range out.Dispatches {
		fmt.Fprintf(w, "- %s %s ← %s %s: %s\n", d.OrgNo, d.OrgName, d.Instructor, d.InstructorID, d.Reason)
	}
	if len(out.UnassignedReasons) > 0 {
		fmt.Fprintf(w, tr(lang, "未能派驻的组织 %d 个：\n", "orgs without a proposed instructor: %d\n"), len(out.UnassignedReasons))
		for _, u := range out.UnassignedReasons {
			fmt.Fprintf(w, "- %s %s: %s\n", u.OrgNo, u.Name, u.Reason)
		}
	}
	if accept {
		if len(out.Created) == 0 {
			fmt.Fprintln(w, tr(lang, "没有可建立的派驻", "nothing to create"))
		}
		for _, d := range out.Created {
			fmt.Fprintf(w, tr(lang, "已派驻 %s → %s，自 %s 起\n", "dispatched %s to %s from %s\n"), d.Instructor, d.OrgNo, day)
		}
	}
}
