package rules

import (
	"fmt"
	"slices"
	"strings"

	"hezuo"
)

// villages returns the home village and the villages spanned, without
// duplicates or empty codes, home first.
func (e *evaluator) villages() []string {
	var out []string
	for _, v := range append([]string{e.f.Village}, e.f.Villages...) {
		v = strings.TrimSpace(v)
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// distinctPrefixes returns the distinct first n characters of codes, in order.
func distinctPrefixes(codes []string, n int) []string {
	var out []string
	for _, c := range codes {
		if len(c) > n {
			c = c[:n]
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// manager decides who builds and manages the org's party organization: the
// village party organization inside one village, the township committee
// across villages of one township, the industry's department across
// townships (seed; domain-rules.md "Managing organization").
func (e *evaluator) manager() {
	vs := e.villages()
	c := citeCounty
	if len(vs) == 0 {
		e.reason(RuleManager, "未登记所在村，无法确定负责组建和管理的党组织", "no village recorded: the managing party organization cannot be determined")
		e.warn(RuleManager, "请补录组织所在村及所跨村的 12 位区划代码，以确定管理党组织", "record the org's home village and the villages it spans (12-digit codes) to determine its manager")
		return
	}
	towns := distinctPrefixes(vs, 9)
	switch {
	case len(vs) == 1:
		e.d.ManagedBy = Manager{Level: hezuo.LevelVillage, Code: vs[0], Name: e.name(vs[0])}
		e.reason(RuleManager,
			fmt.Sprintf("仅在%s一个村内，由该村党组织负责组建并管理（%s）", e.placeZH(vs[0]), c.zh),
			fmt.Sprintf("inside one village, %s: the village party organization builds and manages its party organization (%s)", e.placeEN(vs[0]), c.en))
	case len(towns) == 1:
		e.d.ManagedBy = Manager{Level: hezuo.LevelTownship, Code: towns[0], Name: e.name(towns[0])}
		e.reason(RuleManager,
			fmt.Sprintf("跨 %d 个村，均在%s内，由该乡镇党委负责组建并管理（%s）", len(vs), e.placeZH(towns[0]), c.zh),
			fmt.Sprintf("spans %d villages, all in %s: the township committee builds and manages its party organization (%s)", len(vs), e.placeEN(towns[0]), c.en))
	case len(distinctPrefixes(vs, 6)) > 1:
		e.undecided(distinctPrefixes(vs, 6))
	default:
		e.department(len(towns))
	}
}

// undecided says that an org spanning counties has no manager until the
// common higher organization department fixes its affiliation: no county's
// department (nor the home county's organization department) can decide it
// (农村基层组织工作条例 Art. 5: for organizations "跨村跨乡镇" the approving
// higher organization or the county organization department fixes the
// affiliation; across counties only a common higher one can).
func (e *evaluator) undecided(counties []string) {
	c := citeRuralArt5
	list, listEN := strings.Join(counties, "、"), strings.Join(counties, ", ")
	e.d.ManagedBy = Manager{Level: ManagerUndecided}
	e.reason(RuleManagerUndecided,
		fmt.Sprintf("所跨村分属 %d 个县（%s），管理党组织待定：隶属关系由共同的上级党委组织部门确定，在此之前不由任何一县的部门管理（%s）", len(counties), list, c.zh),
		fmt.Sprintf("its villages lie in %d counties (%s): its manager is undecided until the common higher organization department fixes its affiliation; no one county's department manages it meanwhile (%s)", len(counties), listEN, c.en))
	e.warn(RuleManagerUndecided,
		fmt.Sprintf("跨县组织的隶属关系尚未确定，请报共同的上级党委组织部门确定（%s）", c.zh),
		fmt.Sprintf("the affiliation of this cross-county org is not settled: refer it to the common higher organization department (%s)", c.en))
}

// department sets the manager of an org spanning several townships.
func (e *evaluator) department(towns int) {
	ind := strings.TrimSpace(e.f.Industry)
	indZH, indEN := "“"+ind+"”", fmt.Sprintf("%q", ind)
	if ind == "" {
		indZH, indEN = "（未填写）", "(not recorded)"
	}
	dep, ok := e.env.Departments.Lookup(ind)
	if !ok || ind == "" {
		e.d.ManagedBy = Manager{Level: ManagerDepartment}
		e.reason(RuleDepartmentUnmapped,
			fmt.Sprintf("跨 %d 个乡镇，产业%s没有对应的涉农部门，由县委组织部确定其隶属关系（%s）", towns, indZH, citeRuralCh2.zh),
			fmt.Sprintf("spans %d townships and the industry %s has no agriculture-related department: the county organization department (县委组织部) decides its affiliation (%s)", towns, indEN, citeRuralCh2.en))
		return
	}
	name := dep.Name
	if name == "" {
		name = e.name(dep.Code)
	}
	e.d.ManagedBy = Manager{Level: ManagerDepartment, Code: dep.Code, Name: name}
	label := dep.Code
	if name != "" {
		label = name + "（" + dep.Code + "）"
	}
	e.reason(RuleManager,
		fmt.Sprintf("跨 %d 个乡镇，由产业%s对应的涉农部门%s党组织负责组建并管理（%s）", towns, indZH, label, citeCounty.zh),
		fmt.Sprintf("spans %d townships: the party organization of %s, the department for the industry %s, builds and manages it (%s)", towns, dep.Code+nameSuffixEN(name), indEN, citeCounty.en))
}

// name returns the name of a division or department code, "" when unknown.
// A 9-digit township code is also tried in its 12-digit padded form.
func (e *evaluator) name(code string) string {
	if e.env.Names == nil || code == "" {
		return ""
	}
	n := e.env.Names(code)
	if n == "" && len(code) == 9 {
		n = e.env.Names(code + "000")
	}
	return n
}

// placeZH and placeEN show a division as "name（code）", or the code alone.
func (e *evaluator) placeZH(code string) string {
	if n := e.name(code); n != "" {
		return n + "（" + code + "）"
	}
	return code
}

func (e *evaluator) placeEN(code string) string { return code + nameSuffixEN(e.name(code)) }

// nameSuffixEN returns " (name)" or "" when name is empty.
func nameSuffixEN(name string) string {
	if name == "" {
		return ""
	}
	return " (" + name + ")"
}
