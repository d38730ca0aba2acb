package rules

import "hezuo"

// OverdueView is an Overdue with its reason in one language: the JSON
// object of `hezuo overdue --format json`.
type OverdueView struct {
	Overdue
	KindName string `json:"kind_name"`
	Reason   string `json:"reason"`
}

// View returns o with its reason and kind name in lang ("zh" or "en").
func (o Overdue) View(lang string) OverdueView {
	return OverdueView{Overdue: o, KindName: KindName(o.Kind, lang), Reason: o.Reason.Text(lang)}
}

// KindName names an overdue kind (a meeting kind, a visit, a commitment or
// its assessment) in lang.
func KindName(kind, lang string) string {
	zh := map[string]string{OverdueContactVisit: "走访联系户", OverdueCommitment: "党员承诺", OverdueFulfilment: "践诺评议"}
	en := map[string]string{OverdueContactVisit: "visit to a linked household", OverdueCommitment: "member's commitment",
		OverdueFulfilment: "assessment of a commitment"}
	if lang == "en" {
		if n, ok := hezuo.MeetingNamesEN[kind]; ok {
			return n
		}
		return en[kind]
	}
	if n, ok := hezuo.MeetingNames[kind]; ok {
		return n
	}
	return zh[kind]
}

// SubsidyView is a Subsidy with its reasons in one language.
type SubsidyView struct {
	Subsidy
	Reasons []string `json:"reasons"`
}

// View returns s with its reasons in lang.
func (s Subsidy) View(lang string) SubsidyView {
	return SubsidyView{Subsidy: s, Reasons: texts(s.Reasons, lang)}
}

// RankedView is a Ranked application with its reasons in one language.
type RankedView struct {
	Ranked
	Reasons []string `json:"reasons"`
}

// View returns r with its reasons in lang.
func (r Ranked) View(lang string) RankedView {
	return RankedView{Ranked: r, Reasons: texts(r.Reasons, lang)}
}

func texts(rs []hezuo.Reason, lang string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text(lang)
	}
	return out
}
