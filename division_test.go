package hezuo

import "testing"

func TestNormalizeDivisionCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"222424", "222424000000"},
		{"222424103", "222424103000"},
		{"222424103201", "222424103201"},
		{" 222424 ", "222424000000"},
		{"22", ""}, {"2224", ""}, {"2224241", ""}, {"2224241032011", ""}, {"22242410320a", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, err := NormalizeDivisionCode(tt.in)
		if tt.want == "" {
			if ErrorCode(err) != EINVALID || got != "" {
				t.Errorf("NormalizeDivisionCode(%q) = %q, %v; want EINVALID", tt.in, got, err)
			}
		} else if err != nil || got != tt.want {
			t.Errorf("NormalizeDivisionCode(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestSignificantCode(t *testing.T) {
	tests := map[string]string{
		"222424000000": "222424", "222424103000": "222424103", "222424103201": "222424103201",
		"222424103": "222424103", "222424000": "222424", "222424": "222424",
		"220000": "22", "222400": "2224", "220000000000": "22", "222400000000": "2224",
		"22": "22", "2224": "2224",
	}
	for in, want := range tests {
		if got := SignificantCode(in); got != want {
			t.Errorf("SignificantCode(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestLevelOf(t *testing.T) {
	tests := map[string]string{
		"220000": LevelProvince, "222400000000": LevelPrefecture, "222424": LevelCounty,
		"222424103000": LevelTownship, "222424103": LevelTownship, "222424103201": LevelVillage,
	}
	for code, want := range tests {
		if got := LevelOf(code); got != want {
			t.Errorf("LevelOf(%s) = %s, want %s", code, got, want)
		}
	}
	if CountyOf("222424103201") != "222424" || TownshipOf("222424103201") != "222424103" || TownshipOf("222424") != "222424" {
		t.Error("CountyOf/TownshipOf")
	}
}

func TestParseScope(t *testing.T) {
	tests := []struct {
		in, prefix string
		ok         bool
	}{
		{"", "", true}, {"all", "", true}, {"ALL", "", true}, {" all ", "", true},
		{"22", "22", true}, {"220000", "22", true}, {"2224", "2224", true}, {"222400", "2224", true},
		{"222424", "222424", true}, {"222424000000", "222424", true}, {"222424103", "222424103", true},
		{"222424103000", "222424103", true}, {"222424103201", "222424103201", true},
		{"2", "", false}, {"222", "", false}, {"22242", "", false}, {"2224241", "", false},
		{"2224241032", "", false}, {"2224241032011", "", false}, {"22a", "", false}, {"any", "", false},
	}
	for _, tt := range tests {
		s, err := ParseScope(tt.in)
		if !tt.ok {
			if ErrorCode(err) != EINVALID {
				t.Errorf("ParseScope(%q) = %+v, %v; want EINVALID", tt.in, s, err)
			}
			continue
		}
		if err != nil || s.Prefix != tt.prefix {
			t.Errorf("ParseScope(%q) = %+v, %v; want prefix %q", tt.in, s, err, tt.prefix)
		}
	}
	if AllScope.String() != "all" || (Scope{Prefix: "222424"}).String() != "222424" {
		t.Error("Scope.String")
	}
}

func TestScopeRangeAndContains(t *testing.T) {
	tests := []struct{ prefix, lo, hi string }{
		{"", "000000000000", "999999999999"},
		{"22", "220000000000", "229999999999"},
		{"222424", "222424000000", "222424999999"},
		{"222424103", "222424103000", "222424103999"},
		{"222424103201", "222424103201", "222424103201"},
	}
	for _, tt := range tests {
		lo, hi := Scope{Prefix: tt.prefix}.Range()
		if lo != tt.lo || hi != tt.hi {
			t.Errorf("Scope{%q}.Range() = %s, %s; want %s, %s", tt.prefix, lo, hi, tt.lo, tt.hi)
		}
	}
	town := Scope{Prefix: "222424103"}
	if !town.Contains("222424103201") || town.Contains("222424104201") || town.Contains("222424000000") {
		t.Error("Scope.Contains")
	}
	county := Scope{Prefix: "222424"}
	if !town.Within(county) || county.Within(town) || !county.Within(AllScope) || !AllScope.Contains("110105") {
		t.Error("Scope.Within")
	}
}

func TestDivisionValidate(t *testing.T) {
	if err := (Division{Code: "222424103201", Name: "东新村"}).Validate(); err != nil {
		t.Error(err)
	}
	for _, d := range []Division{{Code: "2224241", Name: "x"}, {Code: "222424", Name: " "}} {
		if ErrorCode(d.Validate()) != EINVALID {
			t.Errorf("%+v accepted", d)
		}
	}
	if (Division{Code: "222424103000"}).Level() != LevelTownship {
		t.Error("Division.Level")
	}
}
