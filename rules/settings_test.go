package rules

import (
	"errors"
	"strings"
	"testing"

	"hezuo"
)

func TestCatalogDefaults(t *testing.T) {
	want := map[string]string{
		"own_org_min_full": "3", "committee_min_full": "7", "general_branch_over_members": "50",
		"party_committee_min_members": "100", "branch_soft_max_members": "50", "joint_max_units": "5",
		"joint_min_full": "3", "term_years_branch": "3", "term_years_general_branch": "3",
		"term_years_village": "5", "term_years_committee": "5", "instructor_max_orgs": "3",
		"probationary_counts_as_member": "true", "joint_same_township": "true", "joint_related_industry": "true",
	}
	seen := map[string]bool{}
	for _, s := range Catalog() {
		if seen[s.Key] {
			t.Errorf("key %s listed twice", s.Key)
		}
		seen[s.Key] = true
		if s.NameZH == "" || s.NameEN == "" || s.Source == "" || s.SourceEN == "" || s.Value == "" {
			t.Errorf("incomplete catalog entry %+v", s)
		}
		if v, ok := want[s.Key]; ok && v != s.Value {
			t.Errorf("%s = %s, want %s", s.Key, s.Value, v)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("catalog lacks %s", k)
		}
	}
	if got := Catalog()[0]; got.Key != KeyOwnOrgMinFull || got.Source != "《中国共产党支部工作条例（试行）》第四条" || got.SourceEN != "Branch Work Regulations, Art. 4" {
		t.Errorf("first entry %+v", got)
	}
}

func TestFromValues(t *testing.T) {
	if s, err := FromValues(nil); err != nil || s != Defaults() {
		t.Fatalf("FromValues(nil) = %+v, %v; want defaults", s, err)
	}
	s, err := FromValues(map[string]string{
		KeyOwnOrgMinFull: " 5 ", KeyProbationaryCountsAsMember: "false", KeyTermYearsVillage: "4", KeyJointSameTownship: "否",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := Defaults()
	want.OwnOrgMinFull, want.ProbationaryCountsAsMember, want.TermYearsVillage, want.JointSameTownship = 5, false, 4, false
	if s != want {
		t.Errorf("FromValues = %+v\nwant %+v", s, want)
	}
	if got := s.Catalog()[0].Value; got != "5" {
		t.Errorf("Catalog of overridden settings shows %s, want 5", got)
	}
	// Every key round-trips through Values.
	back, err := FromValues(s.Values())
	if err != nil || back != s {
		t.Errorf("round trip = %+v, %v; want %+v", back, err, s)
	}
	if len(s.Values()) != len(Catalog()) {
		t.Errorf("Values has %d keys, Catalog %d", len(s.Values()), len(Catalog()))
	}
}

func TestFromValuesRejects(t *testing.T) {
	tests := []struct {
		values map[string]string
		field  string
	}{
		{map[string]string{"own_org_min": "3"}, "own_org_min"},
		{map[string]string{KeyOwnOrgMinFull: "three"}, KeyOwnOrgMinFull},
		{map[string]string{KeyOwnOrgMinFull: "0"}, KeyOwnOrgMinFull},
		{map[string]string{KeyJointMaxUnits: "-1"}, KeyJointMaxUnits},
		{map[string]string{KeyJointMaxUnits: "2.5"}, KeyJointMaxUnits},
		{map[string]string{KeyTermYearsBranch: ""}, KeyTermYearsBranch},
		{map[string]string{KeyProbationaryCountsAsMember: "maybe"}, KeyProbationaryCountsAsMember},
		// Sorted order: the first bad key alphabetically is reported.
		{map[string]string{"zzz": "1", KeyCommitteeMinFull: "x"}, KeyCommitteeMinFull},
	}
	for _, tt := range tests {
		s, err := FromValues(tt.values)
		var e *hezuo.Error
		if !errors.As(err, &e) || e.Code != hezuo.EINVALID || e.Field != tt.field {
			t.Errorf("FromValues(%v) = %+v, %v; want EINVALID on %s", tt.values, s, err, tt.field)
			continue
		}
		if s != (Settings{}) {
			t.Errorf("FromValues(%v) returned settings with its error", tt.values)
		}
		if !strings.Contains(e.Message("zh"), tt.field) || !strings.Contains(e.Message("en"), tt.field) {
			t.Errorf("message does not name the key: %s / %s", e.Message("zh"), e.Message("en"))
		}
	}
}

func TestTermYears(t *testing.T) {
	s := Defaults()
	s.TermYearsBranch, s.TermYearsGeneralBranch, s.TermYearsCommittee, s.TermYearsVillage = 1, 2, 4, 6
	for form, want := range map[string]int{
		hezuo.FormBranch: 1, hezuo.FormJointBranch: 1, hezuo.FormGeneralBranch: 2, hezuo.FormCommittee: 4,
		hezuo.FormTownship: 4, hezuo.FormVillage: 6, hezuo.FormPartyGroup: 0, "other": 0,
	} {
		if got := s.TermYears(form); got != want {
			t.Errorf("TermYears(%s) = %d, want %d", form, got, want)
		}
	}
}

func TestDepartments(t *testing.T) {
	m := DefaultDepartments()
	for ind, code := range map[string]string{"黑木耳": "NYJ", "人参": "NYJ", "林产品": "LYJ", "蜂业": "LYJ", "农机": "NJZ", "肉牛": "XMJ", "渔业": "SLJ", "电商": "GXS", " 农机 ": "NJZ"} {
		if d, ok := m.Lookup(ind); !ok || d.Code != code {
			t.Errorf("Lookup(%q) = %+v, %v; want %s", ind, d, ok, code)
		}
	}
	if d := m["农机"]; d.Name != "县农机总站" {
		t.Errorf("农机 → %+v", d)
	}
	if _, ok := m.Lookup("草编"); ok {
		t.Error("草编 should be unmapped")
	}
	list := DefaultDepartmentList()
	n := 0
	for _, d := range list {
		n += len(d.Industries)
	}
	if len(list) != 6 || n != len(m) || n != 30 {
		t.Errorf("%d departments with %d industries, map has %d", len(list), n, len(m))
	}
	list[0].Industries[0] = "changed"
	if DefaultDepartmentList()[0].Industries[0] != "种植" {
		t.Error("DefaultDepartmentList shares its slices")
	}
	first := DepartmentMapOf([]hezuo.Department{{Code: "A", Industries: []string{"x", ""}}, {Code: "B", Industries: []string{"x"}}})
	if len(first) != 1 || first["x"].Code != "A" {
		t.Errorf("DepartmentMapOf = %+v; want x → A only", first)
	}
}
