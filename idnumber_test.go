package hezuo

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseIDNumber(t *testing.T) {
	today := MustDate("2022-06-08")
	feb30 := "11010520010230001"
	feb30 += string(IDCheckChar(feb30))
	tests := []struct {
		in        string
		id        string // "" when rejected
		birth     string
		sex       string
		errSubstr string // part of the Chinese message when rejected
	}{
		{"11010519491231002X", "11010519491231002X", "1949-12-31", SexFemale, ""},
		{"410326199507103197", "410326199507103197", "1995-07-10", SexMale, ""},
		{"11010519491231002x", "11010519491231002X", "1949-12-31", SexFemale, ""},
		{" 410326199507103197\t", "410326199507103197", "1995-07-10", SexMale, ""},
		{"110105491231002", "11010519491231002X", "1949-12-31", SexFemale, ""}, // 15 digits
		// Σ for 22242419800229011 is 252; 252 mod 11 = 10 → check "2".
		{MakeIDNumber("222424", MustDate("1980-02-29"), 11), "222424198002290112", "1980-02-29", SexMale, ""},
		{MakeIDNumber("222424", MustDate("1980-03-01"), 12), "222424198003010127", "1980-03-01", SexFemale, ""},
		{MakeIDNumber("222424", today, 1), "22242420220608001X", "2022-06-08", SexMale, ""}, // born today
		{"110105194912310021", "", "", "", "校验位错误（应为 X）"},
		{"410326199507103190", "", "", "", "校验位错误（应为 7）"},
		{feb30, "", "", "", "出生日期 20010230 不存在"},
		{MakeIDNumber("222424", MustDate("2022-06-09"), 1), "", "", "", "晚于今天"},
		{MakeIDNumber("222424", MustDate("1870-01-01"), 1), "", "", "", "不合理"},
		{"11010519491231002", "", "", "", "18 位"},
		{"11010519491231002XX", "", "", "", "18 位"},
		{"1101051949123100X2", "", "", "", "18 位"},
		{"11010519491231002A", "", "", "", "18 位"},
		{"11010549123100X", "", "", "", "18 位"}, // 15 characters, not all digits
		{"", "", "", "", "18 位"},
	}
	for _, tt := range tests {
		id, birth, sex, err := ParseIDNumber(tt.in, today)
		if tt.id == "" {
			if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.errSubstr) {
				t.Errorf("ParseIDNumber(%q) error = %v, want EINVALID containing %q", tt.in, err, tt.errSubstr)
			}
			if id != "" || !birth.IsZero() || sex != "" {
				t.Errorf("ParseIDNumber(%q) returned values with its error", tt.in)
			}
			continue
		}
		if err != nil || id != tt.id || birth.String() != tt.birth || sex != tt.sex {
			t.Errorf("ParseIDNumber(%q) = %s %s %s %v; want %s %s %s", tt.in, id, birth, sex, err, tt.id, tt.birth, tt.sex)
		}
	}
}

func TestParseIDNumberWithoutToday(t *testing.T) {
	// A zero today skips the future check (for callers without a clock).
	id := MakeIDNumber("222424", MustDate("2099-01-01"), 2)
	if _, _, sex, err := ParseIDNumber(id, Date{}); err != nil || sex != SexFemale {
		t.Errorf("ParseIDNumber(%s, zero) = %s, %v", id, sex, err)
	}
}

func TestIDCheckChar(t *testing.T) {
	// Σ digit×weight for 11010519491231002 is 167; 167 mod 11 = 2 → 'X'.
	for first17, want := range map[string]byte{"11010519491231002": 'X', "41032619950710319": '7', "00000000000000000": '1'} {
		if got := IDCheckChar(first17); got != want {
			t.Errorf("IDCheckChar(%s) = %c, want %c", first17, got, want)
		}
	}
}

func FuzzParseIDNumber(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "11010519491231002x", "410326199507103197", "110105491231002",
		"110105194912310021", "11010520010230001X", " 410326199507103197 ", "", "x", "ＩＤ",
		"222424202206090017", "22242418700101001X", "999999999999999999",
	} {
		f.Add(s)
	}
	today := MustDate("2022-06-08")
	f.Fuzz(func(t *testing.T, s string) {
		id, birth, sex, err := ParseIDNumber(s, today)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ParseIDNumber(%q): error code %s", s, ErrorCode(err))
			}
			return
		}
		if len(id) != 18 || IDCheckChar(id[:17]) != id[17] {
			t.Fatalf("ParseIDNumber(%q) accepted %q with a wrong check character", s, id)
		}
		if birth.After(today) || birth.Time().Format("20060102") != id[6:14] {
			t.Fatalf("ParseIDNumber(%q): birth %s does not match %s", s, birth, id)
		}
		if want := map[bool]string{true: SexMale, false: SexFemale}[(id[16]-'0')%2 == 1]; sex != want {
			t.Fatalf("ParseIDNumber(%q): sex %s, want %s", s, sex, want)
		}
		id2, birth2, sex2, err := ParseIDNumber(id, today)
		if err != nil || id2 != id || !birth2.Equal(birth) || sex2 != sex {
			t.Fatalf("normalised %q does not round-trip: %s %s %s %v", id, id2, birth2, sex2, err)
		}
		seq, _ := strconv.Atoi(id[14:17])
		if m := MakeIDNumber(id[:6], birth, seq); m != id {
			t.Fatalf("MakeIDNumber rebuilds %s, want %s", m, id)
		}
	})
}
