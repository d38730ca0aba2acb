package hezuo

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestEveryFieldBounded fails when a record type a Dataset carries, or one
// of its fields, has no bound (a new field must say what it accepts), and
// when the table names a field that does not exist.
func TestEveryFieldBounded(t *testing.T) {
	ds := reflect.TypeFor[Dataset]()
	want := map[reflect.Type]bool{}
	for i := 0; i < ds.NumField(); i++ {
		if f := ds.Field(i); f.Type.Kind() == reflect.Slice {
			want[f.Type.Elem()] = true
		}
	}
	for typ := range want {
		if _, ok := fieldBounds[typ]; !ok {
			t.Errorf("%s: no bounds", typ)
		}
	}
	for typ, table := range fieldBounds {
		names := map[string]bool{}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() || (f.Anonymous && f.Type.Kind() == reflect.Struct) {
				continue
			}
			names[f.Name] = true
			if _, ok := table[f.Name]; !ok {
				t.Errorf("%s.%s: no bound", typ, f.Name)
			}
		}
		for name := range table {
			if !names[name] {
				t.Errorf("%s.%s: bound for a field that does not exist", typ, name)
			}
		}
	}
}

func TestBounded(t *testing.T) {
	today := MustDate("2026-12-07")
	long := strings.Repeat("长", 101)
	cases := []struct {
		name  string
		v     any
		field string // "" = accepted
	}{
		{"plain org", &Org{OrgNo: "WQ-001", Name: "汪清县红日种植专业合作社", Village: "222424103201", Founded: MustDate("2010-01-01")}, ""},
		{"long name", &Org{OrgNo: "WQ-001", Name: long}, "name"},
		{"100 characters", &Org{OrgNo: "WQ-001", Name: long[len("长"):]}, ""},
		{"NUL in name", &Org{OrgNo: "WQ-001", Name: "红日\x00合作社"}, "name"},
		{"newline in name", &Org{OrgNo: "WQ-001", Name: "红日\n合作社"}, "name"},
		{"bidi override", &Org{OrgNo: "WQ-001", Name: "红日\u202e合作社"}, "name"},
		{"invalid UTF-8", &Org{OrgNo: "WQ-001", Name: "红日\xff"}, "name"},
		{"newline in note", &Org{OrgNo: "WQ-001", ModelNote: "一行\n二行\t"}, ""},
		{"NUL in note", &Org{OrgNo: "WQ-001", ModelNote: "一行\x00"}, "model_note"},
		{"negative households", &Org{OrgNo: "WQ-001", HouseholdsDriven: -1}, "households_driven"},
		{"founded 1899", &Org{OrgNo: "WQ-001", Founded: MustDate("1899-12-31")}, "founded"},
		{"founded 1900", &Org{OrgNo: "WQ-001", Founded: MustDate("1900-01-01")}, ""},
		{"founded a year ahead", &Org{OrgNo: "WQ-001", Founded: MustDate("2027-12-07")}, ""},
		{"founded past the horizon", &Org{OrgNo: "WQ-001", Founded: MustDate("2027-12-08")}, "founded"},
		{"village with a letter", &Org{OrgNo: "WQ-001", Village: "22242410320a'"}, "village"},
		{"villages too many", &Org{OrgNo: "WQ-001", Villages: make([]string, 1001)}, "villages"},
		{"bad village in list", &Org{OrgNo: "WQ-001", Villages: []string{"222424103201", "x;y"}}, "villages"},
		{"amount at the bound", &Loan{No: "L1", AmountFen: MaxFen}, ""},
		{"amount past the bound", &Loan{No: "L1", AmountFen: MaxFen + 1}, "amount_fen"},
		{"due in 30 years", &Loan{No: "L1", DueOn: MustDate("2056-12-07")}, ""},
		{"term of 601 months", &Loan{No: "L1", TermMonths: 601}, "term_months"},
		{"membership ends far ahead", &Membership{OrgNo: "O", Period: Period{From: MustDate("2020-01-01"), To: MustDate("2070-01-01")}}, ""},
		{"membership from the future", &Membership{OrgNo: "O", Period: Period{From: MustDate("2030-01-01")}}, "from"},
		{"hours", &Training{No: "T", Hours: 1001}, "hours"},
		{"ID number with a space", &Person{IDNumber: "22242419800101022 "}, "id_number"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Bounded("r", c.v, today)
			if c.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != EINVALID || e.Field != c.field {
				t.Fatalf("got %v, want EINVALID on %s", err, c.field)
			}
		})
	}
}

func TestMulDivRound(t *testing.T) {
	cases := []struct{ a, b, c, want int64 }{
		{10, 3, 4, 8}, // 7.5 → 8
		{10, 1, 4, 3}, // 2.5 → 3
		{9, 1, 4, 2},  // 2.25 → 2
		{-10, 3, 4, -8},
		{MaxFen * 36500, 360000, 360_000_000, MaxFen * 36500 / 1000}, // a century of the largest loan at 36%: no overflow
		{math.MaxInt64, math.MaxInt64, 1, math.MaxInt64},             // saturates
		{math.MinInt64, math.MaxInt64, 1, math.MinInt64},             // saturates
		{1 << 62, 1 << 10, 1 << 20, 1 << 52},                         // the product needs 72 bits
		{MaxFen, MaxFen, MaxFen, MaxFen},                             // fen × fen / fen
	}
	for _, c := range cases {
		if got := MulDivRound(c.a, c.b, c.c); got != c.want {
			t.Errorf("MulDivRound(%d, %d, %d) = %d, want %d", c.a, c.b, c.c, got, c.want)
		}
	}
	if got := InterestFen(MaxFen*36500, 360000, 360); got <= 0 {
		t.Errorf("InterestFen overflowed: %d", got)
	}
	if SumFen(math.MaxInt64, 1) != math.MaxInt64 || SumFen(math.MinInt64, -1) != math.MinInt64 || SumFen(3, -5) != -2 {
		t.Error("SumFen does not saturate")
	}
}

// TestMaxCountIsTheBound: the figures clamp stated counts to the bound the
// table gives them.
func TestMaxCountIsTheBound(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[Org](), reflect.TypeFor[Loan]()} {
		if got, want := fieldBounds[typ]["HouseholdsDriven"], fmt.Sprintf("int:0:%d", MaxCount); got != want {
			t.Errorf("%s.HouseholdsDriven bound %s, want %s", typ, got, want)
		}
	}
	if BoundedCount(-3) != 0 || BoundedCount(1<<31-1) != MaxCount || BoundedCount(120) != 120 {
		t.Error("BoundedCount does not clamp")
	}
}

// TestBoundTagsWellFormed fails for a bound tag the checks would misread: an
// unknown kind, a missing or non-numeric limit, or a kind that does not fit
// the field's Go type (a date bound on a string would panic in Bounded).
func TestBoundTagsWellFormed(t *testing.T) {
	str, date, list := reflect.TypeFor[string](), reflect.TypeFor[Date](), reflect.TypeFor[[]string]()
	fits := map[string]func(reflect.Type) bool{
		"key": isType(str), "code": isType(str), "id": isType(str), "enum": isType(str), "name": isType(str),
		"phone": isType(str), "text": isType(str), "note": isType(str),
		"date": isType(date), "far": isType(date),
		"int": isInt, "fen": isInt, "ppm": isInt,
		"codes": isType(list), "keys": isType(list), "names": isType(list),
		"-": func(reflect.Type) bool { return true },
	}
	for typ, table := range fieldBounds {
		for name, spec := range table {
			f, _ := typ.FieldByName(name)
			parts := strings.Split(spec, ":")
			fit, known := fits[parts[0]]
			params := map[string]int{"text": 1, "note": 1, "int": 2}[parts[0]]
			if !known || len(parts)-1 != params || !fit(f.Type) {
				t.Errorf("%s.%s: bound %q does not fit a %s", typ, name, spec, f.Type)
				continue
			}
			var n []int64
			for _, p := range parts[1:] {
				v, err := strconv.ParseInt(p, 10, 64)
				if err != nil {
					t.Errorf("%s.%s: bound %q: %v", typ, name, spec, err)
				}
				n = append(n, v)
			}
			if len(n) == 2 && n[0] > n[1] || len(n) == 1 && n[0] <= 0 {
				t.Errorf("%s.%s: bound %q is empty", typ, name, spec)
			}
		}
	}
}

func isType(want reflect.Type) func(reflect.Type) bool {
	return func(t reflect.Type) bool { return t == want }
}

func isInt(t reflect.Type) bool { return t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64 }
