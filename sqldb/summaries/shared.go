package summaries

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// What the direct computation of the figures (sqldb's covers.go and
// stats.go) and the summaries share, so that both give the same.

// officerRank orders the leading posts: secretary, deputies, committee.
var officerRank = map[string]int{hezuo.RoleSecretary: 0, hezuo.RoleDeputy: 1, hezuo.RoleCommittee: 2}

// SortOfficers puts officers in one order whatever the order read: by
// party organization, post, duty, name and flags (false first): the
// direct facts and the segments' must be equal.
func SortOfficers(os []rules.Officer) {
	slices.SortFunc(os, func(a, b rules.Officer) int {
		return cmp.Or(cmp.Compare(a.PartyOrg, b.PartyOrg), cmp.Compare(officerRank[a.Role], officerRank[b.Role]),
			cmp.Compare(a.Duty, b.Duty), cmp.Compare(a.Name, b.Name), cmp.Compare(boolKey(a.IsLeader), boolKey(b.IsLeader)),
			cmp.Compare(boolKey(a.IsTalent), boolKey(b.IsTalent)))
	})
}

// DistinctSorted returns the distinct non-empty trimmed strings of xs, sorted.
func DistinctSorted(xs []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// TalentShares computes the talent shares of s from its counts.
func TalentShares(s *hezuo.Stats) {
	t := &s.Talent
	if s.Cooperatives.Members > 0 {
		t.ShareOfCooperativeMembers = float64(t.PartyMembers+t.TechnicalTalents) / float64(s.Cooperatives.Members)
	}
	if s.AllMembers > 0 {
		t.ShareOfAllMembers = float64(t.PartyMembers+t.TechnicalTalents) / float64(s.AllMembers)
	}
}
