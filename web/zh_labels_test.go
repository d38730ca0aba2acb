package web

import (
	"context"
	"encoding/json"
	"io/fs"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// The labels' own checks: both languages, every record kind named in the audit log.

// TestLabelsBothLanguages: every code of every kind has a Chinese and an
// English label, the Chinese one in Chinese; every message has both
// languages.
func TestLabelsBothLanguages(t *testing.T) {
	han := regexp.MustCompile(`\p{Han}`)
	for _, kind := range labelKinds() {
		for code, l := range enumLabels[kind] {
			if l[0] == "" || l[1] == "" {
				t.Errorf("%s %q: labels %q", kind, code, l)
			}
			if !han.MatchString(l[0]) {
				t.Errorf("%s %q: Chinese label %q has no Chinese", kind, code, l[0])
			}
			if label("zh", kind, code) == code || label("en", kind, code) == code && l[1] != code {
				t.Errorf("%s %q shows as its code", kind, code)
			}
		}
	}
	for k, v := range messages {
		if strings.TrimSpace(v[0]) == "" || strings.TrimSpace(v[1]) == "" {
			t.Errorf("message %q lacks a language: %q", k, v)
		}
	}
	// The domain tables are all in the label table.
	for kind, m := range map[string]map[string]string{"kind": hezuo.KindNames, "form": hezuo.FormNames, "required": hezuo.RequiredNames,
		"actual": hezuo.ActualNames, "status": hezuo.StatusLabels, "level": hezuo.LevelNames, "role": hezuo.RoleNames,
		"party": hezuo.StatusNames, "rate_kind": hezuo.RateKindNames, "poverty": hezuo.PovertyNames, "meeting": hezuo.MeetingNames,
		"result": hezuo.FulfilmentNames, "loan": hezuo.LoanStatusNames, "source": hezuo.SourceNames, "mode": hezuo.ModeNames} {
		for code := range m {
			if _, ok := enumLabels[kind][code]; !ok {
				t.Errorf("%s %q has no label", kind, code)
			}
		}
	}
	// Every kind a template names exists: a misspelt kind would show codes.
	kindRe := regexp.MustCompile(`\{\{[^}]*?(?:\.Name|label \$?\.Lang) "([a-z_]+)"`)
	names, _ := fs.Glob(templateFS, "templates/*.html")
	uses := 0
	for _, n := range names {
		b, _ := fs.ReadFile(templateFS, n)
		for _, m := range kindRe.FindAllStringSubmatch(string(b), -1) {
			uses++
			if _, ok := enumLabels[m[1]]; !ok {
				t.Errorf("%s names the kind %q, which has no labels", n, m[1])
			}
		}
	}
	if uses < 20 {
		t.Errorf("only %d uses of a kind's labels found in the templates", uses)
	}
	for _, r := range hezuo.Roles {
		if _, ok := enumLabels["role"][r]; !ok {
			t.Errorf("role %q has no label", r)
		}
	}
}

// TestAuditRecordsNamed: every record the audit log can hold — each kind
// of the demo county's records, read back from the store — shows in
// Chinese with every field named in Chinese and no code as a value.
func TestAuditRecordsNamed(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	ctx := context.Background()
	ds, err := a.db.Dump(ctx, hezuo.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.db.DumpPlatforms(ctx, hezuo.Scope{}, ds); err != nil {
		t.Fatal(err)
	}
	entities := map[string]string{"Divisions": "division", "Departments": "department", "Orgs": "org", "People": "person",
		"Memberships": "membership", "PartyStatus": "party_status", "PartyOrgs": "party_org", "Officers": "officer",
		"Instructors": "instructor", "Dispatches": "dispatch", "Units": "unit", "UnitPairings": "unit_pairing",
		"Households": "household", "HouseholdPairings": "household_pairing", "Guarantors": "guarantor", "Loans": "loan",
		"Repayments": "repayment", "Guarantees": "guarantee", "FeeSubsidies": "fee_subsidy", "Trainings": "training",
		"TrainingAttendances": "training_attendance", "Meetings": "meeting", "MeetingAttendances": "meeting_attendance",
		"ContactLinks": "contact_link", "ContactVisits": "contact_visit", "Commitments": "commitment"}
	keys := codeKeys(t)
	han := regexp.MustCompile(`\p{Han}`)
	v := reflect.ValueOf(ds).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if f.Type.Kind() != reflect.Slice {
			continue
		}
		entity, ok := entities[f.Name]
		if !ok {
			t.Errorf("Dataset.%s: which audit entity?", f.Name)
			continue
		}
		if label("zh", "entity", entity) == entity {
			t.Errorf("entity %q has no label", entity)
		}
		s := v.Field(i)
		if s.Len() == 0 {
			t.Errorf("the demo has no %s", f.Name)
		}
		step := max(1, s.Len()/300) // a spread of each kind's records
		badNames, badValues := map[string]bool{}, map[string]bool{}
		for j := 0; j < s.Len(); j += step {
			b, err := json.Marshal(s.Index(j).Interface())
			if err != nil {
				t.Fatal(err)
			}
			for _, fl := range auditFields("zh", entity, string(b)) {
				if !han.MatchString(fl.Name) {
					badNames[fl.Name] = true
				}
				for _, w := range leaks(fl.Value, keys) {
					badValues[fl.Name+"="+w] = true
				}
			}
		}
		for n := range badNames {
			t.Errorf("%s: the field %q has no Chinese name", entity, n)
		}
		for n := range badValues {
			t.Errorf("%s: a code shows as a value: %s", entity, n)
		}
	}
}
