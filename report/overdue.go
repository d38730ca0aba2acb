package report

import (
	"fmt"
	"sort"
	"strings"

	"hezuo/rules"
)

// overdueGroups returns the overdue institutions by kind, kinds in the order
// of their first appearance, and the party organizations concerned.
func (b *builder) overdueGroups() ([]string, map[string][]rules.Overdue, int) {
	var order []string
	by := map[string][]rules.Overdue{}
	pos := map[string]bool{}
	for _, o := range b.in.Overdue {
		if by[o.Kind] == nil {
			order = append(order, o.Kind)
		}
		by[o.Kind] = append(by[o.Kind], o)
		pos[o.PartyOrg] = true
	}
	sort.SliceStable(order, func(i, j int) bool { return len(by[order[i]]) > len(by[order[j]]) })
	return order, by, len(pos)
}

// overdueProblem summarises the overdue institutions for the problems
// chapter; ok is false when nothing is overdue.
func (b *builder) overdueProblem() (problem, bool) {
	order, by, pos := b.overdueGroups()
	if len(order) == 0 {
		return problem{}, false
	}
	var zh, en []string
	for _, k := range order {
		zh = append(zh, fmt.Sprintf("%s%d项", rules.KindName(k, "zh"), len(by[k])))
		en = append(en, fmt.Sprintf("%s %d", rules.KindName(k, "en"), len(by[k])))
	}
	n := len(b.in.Overdue)
	return problem{"部分党组织制度落实不到位", fmt.Sprintf("%d个合作组织党组织有%d项制度逾期未落实，其中%s", pos, n, strings.Join(zh, "、")),
		"some party organizations let their institutions lapse", fmt.Sprintf("%d party organizations have %d overdue items: %s", pos, n, strings.Join(en, ", "))}, true
}

// overdueFindings lists the overdue institutions, one finding per kind.
func (b *builder) overdueFindings() []Finding {
	l := b.l
	if b.in.Overdue == nil {
		return nil
	}
	order, by, _ := b.overdueGroups()
	if len(order) == 0 {
		return []Finding{{Severity: SevOK, Title: l.t("无逾期未落实的制度（会议、走访、承诺）", "No overdue meetings, visits or commitments")}}
	}
	lang := langCode(l)
	var out []Finding
	for _, k := range order {
		f := Finding{Severity: SevWarning, Title: l.t(fmt.Sprintf("逾期未落实：%s %d项", rules.KindName(k, lang), len(by[k])),
			fmt.Sprintf("Overdue: %s (%d)", rules.KindName(k, lang), len(by[k])))}
		for _, o := range by[k] {
			f.Items = append(f.Items, o.Name+l.t("：", ": ")+o.Reason.Text(lang))
		}
		out = append(out, f)
	}
	return out
}
