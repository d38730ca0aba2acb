package sqldb

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"hezuo"
)

// kindsMissing says what of reg the lists of hezuo.Dataset lack: a list
// without a kind, a kind without a part (and no reason why it needs none),
// a kind of no list.
func kindsMissing(reg []*kind) []string {
	var out []string
	byField := map[string]*kind{}
	for _, k := range reg {
		byField[k.field] = k
	}
	dt := reflect.TypeFor[hezuo.Dataset]()
	for f := range dt.Fields() {
		if !isList(f.Type) {
			continue
		}
		k := byField[f.Name]
		if k == nil {
			out = append(out, fmt.Sprintf("Dataset.%s: no kind registered (addKind in its own file)", f.Name))
			continue
		}
		parts := map[string]bool{"load": k.load != nil, "dump": k.dump != nil, "audit": k.audit != nil, "reach": k.reach != nil}
		for _, part := range []string{"load", "dump", "audit", "reach"} {
			if !parts[part] && k.none[part] == "" {
				out = append(out, fmt.Sprintf("kind %s: no %s part and no reason in none", f.Name, part))
			}
		}
	}
	for _, k := range reg {
		if k.field == "" {
			if k.load == nil || k.dump != nil || k.audit != nil || k.reach != nil {
				out = append(out, fmt.Sprintf("the kind of rank %d has no list: only a load step (a check)", k.rank))
			}
		} else if f, ok := dt.FieldByName(k.field); !ok || !isList(f.Type) {
			out = append(out, fmt.Sprintf("kind %s: not a list of hezuo.Dataset", k.field))
		}
	}
	return out
}

// isList reports whether a field of hezuo.Dataset holds records (a slice,
// or a map: Settings).
func isList(t reflect.Type) bool { return t.Kind() == reflect.Slice || t.Kind() == reflect.Map }

// TestEveryKindRegistered: every list of hezuo.Dataset has a kind with its
// load, dump, audit and reach parts (issue 19: forgetting one wrote
// unaudited records, or left the kind out of an import's scope check,
// without failing a test).
func TestEveryKindRegistered(t *testing.T) {
	for _, m := range kindsMissing(kinds) {
		t.Error(m)
	}
}

// TestForgottenKindFails: without any one of the registered kinds, or
// without a part of it, TestEveryKindRegistered fails.
func TestForgottenKindFails(t *testing.T) {
	for i, k := range kinds {
		if k.field == "" {
			continue
		}
		if len(kindsMissing(slices.Delete(slices.Clone(kinds), i, i+1))) == 0 {
			t.Errorf("kind %s forgotten: no test fails", k.field)
		}
		for _, part := range []string{"load", "dump", "audit", "reach"} {
			c := *k
			switch part {
			case "load":
				c.load = nil
			case "dump":
				c.dump = nil
			case "audit":
				c.audit = nil
			case "reach":
				c.reach = nil
			}
			if c.none[part] != "" {
				continue
			}
			reg := slices.Clone(kinds)
			reg[i] = &c
			if len(kindsMissing(reg)) == 0 {
				t.Errorf("kind %s without its %s part: no test fails", k.field, part)
			}
		}
	}
}

// TestKindsCount: a kind counts the records of its list (hasPlatforms).
func TestKindsCount(t *testing.T) {
	ds := &hezuo.Dataset{Loans: make([]hezuo.Loan, 2)}
	for _, k := range kinds {
		want := 0
		if k.field == "Loans" {
			want = 2
		}
		if got := k.count(ds); got != want {
			t.Errorf("kind %q counts %d records, want %d", k.field, got, want)
		}
	}
	if !hasPlatforms(ds) || hasPlatforms(&hezuo.Dataset{Orgs: make([]hezuo.Org, 1)}) {
		t.Error("hasPlatforms does not see the platform records alone")
	}
}
