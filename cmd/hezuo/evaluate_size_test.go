package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEvaluateWarningsAndSuggestions: `evaluate` gives the warnings and
// suggestions `check` gives, in JSON and text, in the chosen language: a
// branch committee from 7 full members (支部工作条例 Ch. 6), a general branch
// for more than 50 party members and a base committee from 100, probationary
// members counted (农村基层组织工作条例 Art. 5), and an undecided manager
// across counties (ibid.).
func TestEvaluateWarningsAndSuggestions(t *testing.T) {
	in := `[
	 {"id": "six", "kind": "cooperative", "registered": true, "full_party_members": 6, "probationary_party_members": 0, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "seven", "kind": "cooperative", "registered": true, "full_party_members": 7, "probationary_party_members": 0, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "fifty", "kind": "cooperative", "registered": true, "full_party_members": 45, "probationary_party_members": 5, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "fifty-one", "kind": "cooperative", "registered": true, "full_party_members": 45, "probationary_party_members": 6, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "ninety-nine", "kind": "cooperative", "registered": true, "full_party_members": 90, "probationary_party_members": 9, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "hundred", "kind": "cooperative", "registered": true, "full_party_members": 90, "probationary_party_members": 10, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "two-counties", "kind": "cooperative", "registered": true, "full_party_members": 2, "probationary_party_members": 0, "villages": ["222424103201", "222426100201"], "industry": "农机"}
	]`
	code, out, errs := hz(t, in, "evaluate", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []struct {
		ID          string            `json:"id"`
		Required    string            `json:"required"`
		ManagedBy   map[string]string `json:"managed_by"`
		Reasons     []string          `json:"reasons"`
		Warnings    []string          `json:"warnings"`
		Suggestions []string          `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		suggestions []string // pieces, one per suggestion, in order
		warnings    []string
	}{
		{nil, nil},
		{[]string{"应当设立支部委员会"}, nil},
		{[]string{"应当设立支部委员会"}, nil},
		{[]string{"党员 51 名（正式党员 45 名、预备党员 6 名），超过 50 名，经上级党组织批准可设立党总支", "应当设立支部委员会"}, nil},
		{[]string{"党员 99 名", "应当设立支部委员会"}, nil},
		{[]string{"党员 100 名（正式党员 90 名、预备党员 10 名），达到 100 名以上", "应当设立支部委员会"}, nil},
		{nil, []string{"共同的上级党委组织部门确定"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results: %s", len(got), out)
	}
	for i, w := range want {
		g := got[i]
		if g.Warnings == nil || g.Suggestions == nil {
			t.Errorf("%s: warnings and suggestions must be arrays: %s", g.ID, out)
		}
		match(t, g.ID+" suggestions", g.Suggestions, w.suggestions)
		match(t, g.ID+" warnings", g.Warnings, w.warnings)
	}
	if g := got[6]; g.ManagedBy["level"] != "undecided" || g.ManagedBy["code"] != "" || !strings.Contains(strings.Join(g.Reasons, ""), "管理党组织待定") {
		t.Errorf("two counties: %+v", g)
	}
	_, out, _ = hz(t, in, "evaluate", "--format", "json", "--lang", "en")
	for _, s := range []string{"more than 50: with higher approval it may set up a general party branch", "must have a branch committee", "its manager is undecided"} {
		if !strings.Contains(out, s) {
			t.Errorf("English output lacks %q", s)
		}
	}
	_, out, _ = hz(t, in, "evaluate")
	for _, s := range []string{"\"two-counties\": group_or_joint, undecided\n", "    ! 跨县组织的隶属关系尚未确定", "    → 党员 51 名"} {
		if !strings.Contains(out, s) {
			t.Errorf("text output lacks %q:\n%s", s, out)
		}
	}
}

// match checks that got has one string per piece, each containing it.
func match(t *testing.T, what string, got, pieces []string) {
	t.Helper()
	if len(got) != len(pieces) {
		t.Errorf("%s: got %q, want %d containing %q", what, got, len(pieces), pieces)
		return
	}
	for i, p := range pieces {
		if !strings.Contains(got[i], p) {
			t.Errorf("%s[%d] = %q, want it to contain %q", what, i, got[i], p)
		}
	}
}
