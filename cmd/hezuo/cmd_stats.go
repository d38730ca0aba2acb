package main

import (
	"encoding/json"
	"fmt"
	"io"

	"hezuo"
	"hezuo/sqldb"
)

var cmdStats = &command{
	name:  "stats",
	usage: "stats [--db DSN] [--scope CODE] [--as-of DATE] [--format json|text]",
	short: "统计数字 / statistics for a scope and day",
	long:  "按范围和日期计算统计数字 / the figures of a scope as of a day",
	flags: []flagGroup{dbFlags, scopeFlags, dayFlags, formatFlags},
	setup: runStats,
}

func runStats(f *flags) action {
	return f.onDB(func(e *env, db *sqldb.DB, _ []string) error {
		s, err := db.Stats(e.ctx, f.scope, f.day)
		if err != nil {
			return err
		}
		return f.output(e, s, func(w io.Writer) { printStats(w, s, e.lang) })
	})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func printStats(w io.Writer, s *hezuo.Stats, lang string) {
	pct := func(x float64) string { return fmt.Sprintf("%.1f%%", x*100) }
	// Each line's figures are given once, for the line in either language.
	line := func(zh, en string, figures ...any) { fmt.Fprintf(w, tr(lang, zh, en), figures...) }
	line("截止 %s，范围 %s：\n", "As of %s, scope %s:\n", s.AsOf, s.Scope)
	line("  农民专业合作组织 %d 个（合作社 %d 个，产业协会 %d 个，联合社 %d 个；已登记 %d 个，典型 %d 个）\n",
		"  organizations: %d (cooperatives %d, associations %d, unions %d; registered %d, models %d)\n",
		s.Orgs.Total, s.Orgs.Cooperatives, s.Orgs.Associations, s.Orgs.Unions, s.Orgs.Registered, s.Orgs.Models)
	line("  合作社：会员 %d 人，党员 %d 人，带动农户 %d 户\n", "  cooperatives: %d members, %d party members, %d households driven\n",
		s.Cooperatives.Members, s.Cooperatives.PartyMembers, s.Cooperatives.HouseholdsDriven)
	line("  产业协会：会员 %d 人，党员 %d 人\n", "  associations: %d members, %d party members\n", s.Associations.Members, s.Associations.PartyMembers)
	line("  党组织：党支部 %d 个，党总支 %d 个，联合支部 %d 个，党小组 %d 个\n",
		"  party organizations: %d branches, %d general branches, %d joint branches, %d party groups\n",
		s.PartyOrgs.Branches, s.PartyOrgs.GeneralBranches, s.PartyOrgs.JointBranches, s.PartyOrgs.PartyGroups)
	line("  党建工作指导员：%d 名，派驻 %d 个组织；发展党员 %d 名，入党积极分子 %d 名\n",
		"  instructors: %d dispatched to %d orgs; %d members developed, %d activists\n",
		s.Instructors.Dispatched, s.Instructors.OrgsCovered, s.Instructors.MembersDeveloped, s.Instructors.Activists)
	line("  人才：党员 %[1]d 名，农村专业技术人才 %[2]d 名，占合作社会员的 %[3]s，占全部 %[5]d 名会员的 %[4]s\n",
		"  talent: %[1]d party members, %[2]d technical talents: %[3]s of cooperative members, %[4]s of all %[5]d members\n",
		s.Talent.PartyMembers, s.Talent.TechnicalTalents, pct(s.Talent.ShareOfCooperativeMembers), pct(s.Talent.ShareOfAllMembers), s.AllMembers)
	line("  覆盖：空白点 %d 个，应建未建 %d 个\n", "  coverage: %d blank spots, %d should build but have not\n",
		s.Coverage.Uncovered, s.Coverage.ShouldBuildNotBuilt)
}
