package hezuo

import (
	"reflect"
	"testing"
)

func TestDateCompare(t *testing.T) {
	a, b := DateOf(2024, 1, 1), DateOf(2024, 1, 2)
	if a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 || (Date{}).Compare(a) != -1 {
		t.Fatal("Date.Compare")
	}
}

func TestDatasetSortByIDNumber(t *testing.T) {
	d1, d2 := DateOf(2020, 1, 1), DateOf(2021, 1, 1)
	ds := &Dataset{
		People: []Person{{IDNumber: "B"}, {IDNumber: "A"}},
		Memberships: []Membership{
			{OrgNo: "2", IDNumber: "A", Period: Period{From: d1}},
			{OrgNo: "1", IDNumber: "B", Period: Period{From: d2}},
			{OrgNo: "1", IDNumber: "B", Period: Period{From: d1}},
			{OrgNo: "1", IDNumber: "A", Period: Period{From: d2}},
		},
		ContactVisits: []ContactVisit{{Household: "h", IDNumber: "A", VisitedOn: d2}, {Household: "h", IDNumber: "A", VisitedOn: d1}},
		Commitments:   []Commitment{{IDNumber: "B", Year: 2020}, {IDNumber: "A", Year: 2021}, {IDNumber: "A", Year: 2020}},
	}
	ds.SortByIDNumber()
	if ds.People[0].IDNumber != "A" {
		t.Errorf("people %+v", ds.People)
	}
	want := []Membership{
		{OrgNo: "1", IDNumber: "A", Period: Period{From: d2}},
		{OrgNo: "1", IDNumber: "B", Period: Period{From: d1}},
		{OrgNo: "1", IDNumber: "B", Period: Period{From: d2}},
		{OrgNo: "2", IDNumber: "A", Period: Period{From: d1}},
	}
	if !reflect.DeepEqual(ds.Memberships, want) {
		t.Errorf("memberships %+v", ds.Memberships)
	}
	if !ds.ContactVisits[0].VisitedOn.Equal(d1) {
		t.Errorf("visits %+v", ds.ContactVisits)
	}
	if c := ds.Commitments; c[0].IDNumber != "A" || c[0].Year != 2020 || c[1].Year != 2021 || c[2].IDNumber != "B" {
		t.Errorf("commitments %+v", c)
	}
}
