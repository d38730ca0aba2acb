package rules

import (
	"fmt"

	"hezuo"
)

// partyMembers returns the org's party members as the regulations count
// them for a general branch or a base committee: full and probationary
// (党员人数; a probationary member is a party member, 党章 Art. 7).
func (f Facts) partyMembers() int { return f.FullMembers + f.ProbationaryMembers }

// partyEN describes the party members in English: "51 party members (48
// full, 3 probationary)".
func partyEN(f Facts) string {
	return fmt.Sprintf("%s (%d full, %d probationary)", countEN(f.partyMembers(), "party member"), f.FullMembers, f.ProbationaryMembers)
}

// partyZH describes them in Chinese: "党员 51 名（正式党员 48 名、预备党员 3 名）".
func partyZH(f Facts) string {
	return fmt.Sprintf("党员 %d 名（正式党员 %d 名、预备党员 %d 名）", f.partyMembers(), f.FullMembers, f.ProbationaryMembers)
}

// suggestForm suggests, for an org that must have its own party
// organization, the form its size allows or requires: a base committee
// from party_committee_min_members party members, a general branch above
// general_branch_over_members (农村基层组织工作条例 Art. 5: "党员人数超过50人
// 的…可以成立党的总支部", "党员人数100人以上的…可以成立党的基层委员会"; both
// count probationary members), and a branch committee for a branch still
// to be set up with committee_min_full full members (支部工作条例 Ch. 6: "有
// 正式党员7人以上的党支部，应当设立党支部委员会"). A branch that exists
// without the committee it needs is warned about by checkCovers.
func (e *evaluator) suggestForm() {
	f, s, actual := e.f, e.s, e.d.Actual
	n := f.partyMembers()
	switch {
	case n >= s.PartyCommitteeMinMembers && actual != hezuo.FormCommittee:
		c := source(KeyPartyCommitteeMinMembers)
		e.suggest(KeyPartyCommitteeMinMembers,
			fmt.Sprintf("%s，达到 %d 名以上，根据工作需要经上级党组织批准可设立基层党委（%s）", partyZH(f), s.PartyCommitteeMinMembers, c.zh),
			fmt.Sprintf("%s, at least %d: with higher approval it may set up a base party committee (%s)", partyEN(f), s.PartyCommitteeMinMembers, c.en))
	case n > s.GeneralBranchOverMembers && actual != hezuo.FormGeneralBranch && actual != hezuo.FormCommittee:
		c := source(KeyGeneralBranchOverMembers)
		e.suggest(KeyGeneralBranchOverMembers,
			fmt.Sprintf("%s，超过 %d 名，经上级党组织批准可设立党总支（%s）", partyZH(f), s.GeneralBranchOverMembers, c.zh),
			fmt.Sprintf("%s, more than %d: with higher approval it may set up a general party branch (%s)", partyEN(f), s.GeneralBranchOverMembers, c.en))
	}
	if f.FullMembers >= s.CommitteeMinFull && !ownForm(actual) {
		c := source(KeyCommitteeMinFull)
		e.suggest(KeyCommitteeMinFull,
			fmt.Sprintf("正式党员 %d 名（≥%d），建立党支部时应当设立支部委员会，由 3 至 5 人组成（%s）", f.FullMembers, s.CommitteeMinFull, c.zh),
			fmt.Sprintf("%s (>= %d): the branch it sets up must have a branch committee of 3 to 5 members (%s)", fullEN(f.FullMembers), s.CommitteeMinFull, c.en))
	}
}
