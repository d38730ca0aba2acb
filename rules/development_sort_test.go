package rules

import (
	"testing"

	"hezuo"
)

func TestDevFactsSortByIDNumber(t *testing.T) {
	d1, d2 := hezuo.DateOf(2020, 1, 1), hezuo.DateOf(2021, 1, 1)
	f := &DevFacts{
		Memberships: []hezuo.Membership{{OrgNo: "2", IDNumber: "A"}, {OrgNo: "1", IDNumber: "B"}, {OrgNo: "1", IDNumber: "A"}},
		PartyStatus: []hezuo.PartyStatus{{IDNumber: "B", Period: hezuo.Period{From: d1}}, {IDNumber: "A", Period: hezuo.Period{From: d2}}, {IDNumber: "A", Period: hezuo.Period{From: d1}}},
		Dispatches:  []hezuo.Dispatch{{IDNumber: "A", OrgNo: "2"}, {IDNumber: "A", OrgNo: "1", Period: hezuo.Period{From: d2}}, {IDNumber: "A", OrgNo: "1", Period: hezuo.Period{From: d1}}},
	}
	f.SortByIDNumber()
	if m := f.Memberships; m[0].OrgNo != "1" || m[0].IDNumber != "A" || m[1].IDNumber != "B" || m[2].OrgNo != "2" {
		t.Errorf("memberships %+v", m)
	}
	if p := f.PartyStatus; p[0].IDNumber != "A" || !p[0].From.Equal(d1) || !p[1].From.Equal(d2) || p[2].IDNumber != "B" {
		t.Errorf("party status %+v", p)
	}
	if d := f.Dispatches; d[0].OrgNo != "1" || !d[0].From.Equal(d1) || !d[1].From.Equal(d2) || d[2].OrgNo != "2" {
		t.Errorf("dispatches %+v", d)
	}
}
