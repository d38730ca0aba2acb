package plan

import (
	"fmt"
	"strings"
	"testing"

	"hezuo/rules"
)

func TestInstructorsNearestFirstWithinCapacity(t *testing.T) {
	s := rules.Defaults() // three orgs per instructor
	const town, other = "220999100", "220999101"
	v := func(t string, n int) string { return fmt.Sprintf("%s%03d", t, n) }
	var orgs []Org
	for i, village := range []int{201, 201, 205, 209, 230, 230} {
		orgs = append(orgs, Org{OrgNo: fmt.Sprintf("E%d", i), Township: town, Village: v(town, village)})
	}
	orgs = append(orgs, Org{OrgNo: "F0", Township: other, Village: v(other, 201)})
	ins := []Instructor{
		{IDNumber: "I1", Name: "甲", Township: town, Villages: []string{v(town, 201)}, Orgs: 1}, // room for 2
		{IDNumber: "I2", Name: "乙", Township: town, Villages: []string{v(town, 230)}, Orgs: 0}, // room for 3
		{IDNumber: "I3", Name: "丙", Township: other, Orgs: 3},                                  // full
	}
	p := Instructors(orgs, ins, s)
	got := map[string]string{}
	for _, d := range p.Dispatches {
		got[d.OrgNo] = d.IDNumber
		if d.Reason.ZH == "" || d.Reason.EN == "" {
			t.Errorf("dispatch %+v without a reason", d)
		}
	}
	want := map[string]string{"E0": "I1", "E1": "I1", "E4": "I2", "E5": "I2", "E3": "I2"}
	for org, in := range want {
		if got[org] != in {
			t.Errorf("org %s: instructor %q, want %q (plan %v)", org, got[org], in, got)
		}
	}
	if len(p.Dispatches) != 5 {
		t.Errorf("%d dispatches, want 5 (the capacity)", len(p.Dispatches))
	}
	reasons := map[string]string{}
	for _, u := range p.Unassigned {
		reasons[u.OrgNo] = u.Reason.ZH
	}
	if !strings.Contains(reasons["E2"], "上限") || !strings.Contains(reasons["F0"], "上限") || len(reasons) != 2 {
		t.Errorf("unassigned %v", reasons)
	}
	for _, l := range p.Loads {
		if l.After > s.InstructorMaxOrgs {
			t.Errorf("instructor %s carries %d orgs", l.IDNumber, l.After)
		}
	}
	p = Instructors([]Org{{OrgNo: "X", Township: "220999102", Village: "220999102201"}}, ins, s)
	if len(p.Unassigned) != 1 || !strings.Contains(p.Unassigned[0].Reason.ZH, "尚无登记") {
		t.Errorf("township without instructors: %+v", p.Unassigned)
	}
}
