package xlsx_test

import (
	"reflect"
	"slices"
	"testing"

	"hezuo"
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

// TestKindsCoverDataset checks that every list of records a dataset holds
// is carried by a registered KIND, or is one of the few no spreadsheet
// carries: a new kind of record that forgets its KIND, or a KIND that
// forgets to register (addKind), fails here.
func TestKindsCoverDataset(t *testing.T) {
	kindOf := map[string]string{"Divisions": "divisions", "Orgs": "orgs", "People": "members", "Memberships": "members",
		"PartyStatus": "members", "PartyOrgs": "party-orgs", "Officers": "officers", "Instructors": "instructors",
		"Dispatches": "dispatches", "UnitPairings": "unit-pairings", "Households": "pairings", "HouseholdPairings": "pairings",
		"Guarantors": "guarantors", "Loans": "loans", "Repayments": "repayments", "Guarantees": "loans",
		"Trainings": "trainings", "TrainingAttendances": "attendances", "Meetings": "meetings",
		"MeetingAttendances": "meeting-attendances", "ContactLinks": "contacts", "ContactVisits": "visits",
		"Commitments": "commitments",
		// The county's setup and what the loans' subsidy figures record
		// come with a whole dataset (hezuo load, the demo), not in a KIND.
		"Departments": "", "Units": "", "FeeSubsidies": ""}
	dt := reflect.TypeFor[hezuo.Dataset]()
	for i := range dt.NumField() {
		f := dt.Field(i)
		if f.Type.Kind() != reflect.Slice {
			continue
		}
		kind, ok := kindOf[f.Name]
		switch {
		case !ok:
			t.Errorf("Dataset.%s: which KIND carries it? (add one, or a reason here)", f.Name)
		case kind != "" && xlsx.Lookup(kind) == nil:
			t.Errorf("Dataset.%s: KIND %s is not registered (addKind)", f.Name, kind)
		}
	}
}
