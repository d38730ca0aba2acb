package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEvaluateEdges(t *testing.T) {
	in := `[
	 {"id": "three-full", "kind": "cooperative", "registered": true, "full_party_members": 3, "probationary_party_members": 0, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "two-full", "kind": "cooperative", "registered": true, "full_party_members": 2, "probationary_party_members": 0, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "prob-only", "kind": "association", "registered": false, "full_party_members": 0, "probationary_party_members": 2, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "unregistered-three", "kind": "association", "registered": false, "full_party_members": 3, "probationary_party_members": 0, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "none", "kind": "association", "registered": true, "full_party_members": 0, "probationary_party_members": 0, "villages": ["222424103201"], "industry": "农机"},
	 {"id": "one-township", "kind": "cooperative", "registered": true, "full_party_members": 5, "probationary_party_members": 1, "villages": ["222424103201", "222424103202"], "industry": "黑木耳"},
	 {"id": "two-townships", "kind": "union", "registered": true, "full_party_members": 5, "probationary_party_members": 0, "villages": ["222424103201", "222424102205"], "industry": "林产品"},
	 {"id": "unmapped", "kind": "cooperative", "registered": true, "full_party_members": 5, "probationary_party_members": 0, "villages": ["222424103201", "222424102205"], "industry": "旅游"},
	 {"id": "two-counties", "kind": "cooperative", "registered": true, "full_party_members": 5, "probationary_party_members": 0, "villages": ["222424103201", "222426100201"], "industry": "农机"}
	]`
	code, out, errs := hz(t, in, "evaluate", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []struct {
		ID        string                       `json:"id"`
		Required  string                       `json:"required"`
		ManagedBy struct{ Level, Code string } `json:"managed_by"`
		Reasons   []string                     `json:"reasons"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := []struct{ required, level, code string }{
		{"own_org", "village", "222424103201"},
		{"group_or_joint", "village", "222424103201"},
		{"group_or_joint", "village", "222424103201"},
		{"group_or_joint", "village", "222424103201"},
		{"instructor", "village", "222424103201"},
		{"own_org", "township", "222424103"},
		{"own_org", "department", "LYJ"},
		{"own_org", "department", ""},
		{"own_org", "undecided", ""}, // 农村基层组织工作条例 Art. 5: the common higher department decides
	}
	if len(got) != len(want) {
		t.Fatalf("got %d results", len(got))
	}
	for i, w := range want {
		g := got[i]
		if g.Required != w.required || g.ManagedBy.Level != w.level || g.ManagedBy.Code != w.code || len(g.Reasons) < 2 {
			t.Errorf("%s: got %s %s %q (%d reasons), want %+v", g.ID, g.Required, g.ManagedBy.Level, g.ManagedBy.Code, len(g.Reasons), w)
		}
	}
	if !strings.Contains(strings.Join(got[7].Reasons, ""), "县委组织部") {
		t.Errorf("unmapped industry: reasons should name 县委组织部: %v", got[7].Reasons)
	}
	if !strings.Contains(strings.Join(got[8].Reasons, ""), "2 个县") {
		t.Errorf("two counties: reasons should say so: %v", got[8].Reasons)
	}
	// English reasons.
	_, out, _ = hz(t, in, "evaluate", "--format", "json", "--lang", "en")
	if !strings.Contains(out, "must set up its own party organization") {
		t.Errorf("English reasons missing: %s", out[:200])
	}
}

func TestEvaluateRejectsMalformed(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"id": 1}`, "JSON 数组"},
		{`[{"id": "a", "kind": "cooperative", "registered": true, "full_party_members": 1, "villages": ["222424103201"]},
		   {"id": "b", "kind": "cooperative", "registered": true, "full_party_members": 1, "villages": []}]`, "第 2 个元素 (id \"b\") villages"},
		{`[{"id": "a", "kind": "farm", "registered": true, "full_party_members": 1, "villages": ["222424103201"]}]`, "kind"},
		{`[{"id": "a", "kind": "cooperative", "registered": true, "full_party_members": -1, "villages": ["222424103201"]}]`, "full_party_members"},
		{`[{"id": "a", "kind": "cooperative", "full_party_members": 1, "villages": ["222424103201"]}]`, "registered"},
		{`[{"id": "a", "kind": "cooperative", "registered": true, "full_party_members": 1, "villages": ["222424103"]}]`, "villages"},
		{`[{"kind": "cooperative", "registered": true, "full_party_members": 1, "villages": ["222424103201"]}]`, "id"},
		{`[{"id": "a", "kind": "cooperative", "registered": "yes", "full_party_members": 1, "villages": ["222424103201"]}]`, "第 1 个元素"},
	}
	for _, c := range cases {
		code, out, errs := hz(t, c.in, "evaluate", "--format", "json")
		if code != 1 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("input %s: exit %d, stderr %q, want exit 1 naming %q", c.in, code, errs, c.want)
		}
	}
}
