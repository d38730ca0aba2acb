package xlsx_test

import (
	"slices"
	"testing"

	"hezuo/xlsx"
)

// TestKindList checks that the ordered list names every KIND once, each
// with a Chinese and an English name, and that a KIND comes after the
// KINDs its rows refer to.
func TestKindList(t *testing.T) {
	list := xlsx.KindList()
	var names []string
	for _, k := range list {
		if k.ZH == "" || k.EN == "" {
			t.Errorf("%s: no name (%q, %q)", k.Kind, k.ZH, k.EN)
		}
		names = append(names, k.Kind)
	}
	sorted := slices.Sorted(slices.Values(names))
	if !slices.Equal(sorted, xlsx.Kinds()) {
		t.Fatalf("KindList %v, Kinds %v", names, xlsx.Kinds())
	}
	before := func(a, b string) {
		if slices.Index(names, a) > slices.Index(names, b) {
			t.Errorf("%s listed after %s, whose rows refer to it", a, b)
		}
	}
	before("divisions", "orgs")
	before("orgs", "members")
	before("party-orgs", "officers")
	before("instructors", "dispatches")
	before("loans", "repayments")
	before("trainings", "attendances")
	before("meetings", "meeting-attendances")
	if list[0] != (xlsx.KindName{Kind: "divisions", ZH: "行政区划", EN: "Divisions"}) {
		t.Errorf("first %+v", list[0])
	}
}
