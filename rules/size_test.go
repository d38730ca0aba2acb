package rules

import (
	"testing"

	"hezuo"
)

// TestEvaluateSizes checks the thresholds of the forms an org's size allows
// or requires, at their boundaries:
//   - 支部工作条例 Ch. 6 (党章 Art. 30): "有正式党员7人以上的党支部，应当设立党支部
//     委员会" — full members only;
//   - 农村基层组织工作条例 Art. 5: "党员人数超过50人的…可以成立党的总支部" (so 50 is
//     not enough, 51 is) and "党员人数100人以上的…可以成立党的基层委员会" — party
//     members, probationary members included.
func TestEvaluateSizes(t *testing.T) {
	tests := []struct {
		name        string
		full, prob  int
		covers      []Cover
		registered  bool
		suggestions []string
	}{
		{"6 full, no branch yet: no committee needed", 6, 0, nil, true, nil},
		{"7 full, no branch yet: its branch needs a committee", 7, 0, nil, true, []string{KeyCommitteeMinFull}},
		{"6 full + 5 probationary: the committee counts full members only", 6, 5, nil, true, nil},
		{"7 full under a joint branch: the own branch to build needs a committee", 7, 0, []Cover{joint(3, 9)}, true, []string{KeyCommitteeMinFull}},
		{"7 full, unregistered: nothing of its own to build", 7, 0, nil, false, []string{RuleRegistration}},
		{"50 full: not more than 50", 50, 0, []Cover{branch(50)}, true, nil},
		{"51 full: more than 50", 51, 0, []Cover{branch(50)}, true, []string{KeyGeneralBranchOverMembers}},
		{"48 full + 2 probationary = 50: not more than 50", 48, 2, []Cover{branch(48)}, true, nil},
		{"48 full + 3 probationary = 51: probationary members count", 48, 3, []Cover{branch(48)}, true, []string{KeyGeneralBranchOverMembers}},
		{"51 party members under a general branch already", 51, 0, []Cover{{No: "Z", Name: "总支", Form: hezuo.FormGeneralBranch, Units: 1, FullMembers: 51, HasCommittee: true}}, true, nil},
		{"99 party members: a general branch, not a committee", 97, 2, []Cover{branch(40)}, true, []string{KeyGeneralBranchOverMembers}},
		{"100 party members with probationary: a base committee", 97, 3, []Cover{branch(40)}, true, []string{KeyPartyCommitteeMinMembers}},
		{"100 full: a base committee", 100, 0, []Cover{branch(40)}, true, []string{KeyPartyCommitteeMinMembers}},
		{"100 under a base committee: nothing", 100, 0, []Cover{{No: "W", Name: "党委", Form: hezuo.FormCommittee, Units: 1, FullMembers: 100, HasCommittee: true}}, true, nil},
		{"51 full, uncovered: general branch and committee", 51, 0, nil, true, []string{KeyGeneralBranchOverMembers, KeyCommitteeMinFull}},
		{"2 full + 60 probationary: no branch of its own, so no larger form", 2, 60, nil, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := org()
			f.FullMembers, f.ProbationaryMembers, f.Covers, f.Registered = tt.full, tt.prob, tt.covers, tt.registered
			f.Secretary = leader
			d := Evaluate(f, day, testEnv())
			checkRules(t, "suggestions", d.Suggestions, tt.suggestions)
			checkTexts(t, d)
		})
	}
}

// TestSizeSettings: the thresholds are settings; a county that sets them
// differently gets its own boundaries.
func TestSizeSettings(t *testing.T) {
	s, err := FromValues(map[string]string{KeyGeneralBranchOverMembers: "30", KeyPartyCommitteeMinMembers: "60", KeyCommitteeMinFull: "5"})
	if err != nil {
		t.Fatal(err)
	}
	env := testEnv()
	env.Settings = s
	for _, tt := range []struct {
		full, prob int
		want       []string
	}{
		{4, 0, nil}, {5, 0, []string{KeyCommitteeMinFull}}, {28, 2, []string{KeyCommitteeMinFull}},
		{28, 3, []string{KeyGeneralBranchOverMembers, KeyCommitteeMinFull}}, {58, 2, []string{KeyPartyCommitteeMinMembers, KeyCommitteeMinFull}},
	} {
		f := org()
		f.FullMembers, f.ProbationaryMembers = tt.full, tt.prob
		checkRules(t, "suggestions", Evaluate(f, day, env).Suggestions, tt.want)
	}
}
