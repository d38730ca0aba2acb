package hezuo

import (
	"strings"
	"testing"
)

func TestOrgCodeCheckChar(t *testing.T) {
	// GB 11714 example D2143569-X, by hand: D=13; 13·3 + 2·7 + 1·9 + 4·10 +
	// 3·5 + 5·8 + 6·4 + 9·2 = 39+14+9+40+15+40+24+18 = 199; 199 mod 11 = 1;
	// 11 − 1 = 10 → 'X'.
	tests := map[string]byte{
		"D2143569": 'X',
		"M000100Y": '4', // inside the GB 32100 example 91350100M000100Y43
		"00000000": '0', // sum 0: 11 − 0 = 11 → '0'
		"10000000": '8', // 1·3 = 3: 11 − 3 = 8
		"d2143569": 0,   // lower case is not allowed
		"D214356-": 0,
	}
	for body, want := range tests {
		if got := OrgCodeCheckChar(body); got != want {
			t.Errorf("OrgCodeCheckChar(%s) = %q, want %q", body, got, want)
		}
	}
}

func TestValidateCreditCode(t *testing.T) {
	coop := MakeCreditCode("93", "222424", "10000000") // a farmers' cooperative in 汪清县
	if coop != "93222424100000008D" {
		t.Fatalf("MakeCreditCode = %s", coop)
	}
	social := MakeCreditCode("51", "222424", "MA0Y0001") // a social organization, letters in the body
	withX := MakeCreditCode("93", "222424", "10000018")  // org-code check char X at position 17
	if withX[16] != 'X' {
		t.Fatalf("MakeCreditCode(10000018) = %s, want X at 17", withX)
	}
	valid := []string{"91350100M000100Y43", coop, social, withX}
	for _, c := range valid {
		if err := ValidateCreditCode(c); err != nil {
			t.Errorf("ValidateCreditCode(%s) = %v", c, err)
		}
	}
	replace := func(s string, i int, c byte) string { return s[:i] + string(c) + s[i+1:] }
	tests := []struct{ code, errSubstr string }{
		{replace(coop, 17, 'E'), "第 18 位应为 D"},
		{replace(coop, 16, '9'), "第 17 位应为 8"},
		{replace(coop, 10, '1'), "第 17 位应为"}, // a changed body breaks the org-code check first
		{coop[:17], "18 位"},
		{coop + "1", "18 位"},
		{"", "18 位"},
		{replace(coop, 17, 'I'), "第 18 位"},
		{replace(coop, 0, 'O'), "第 1 位"},
		{replace(coop, 9, 'S'), "第 10 位"},
		{replace(coop, 12, 'V'), "第 13 位"},
		{replace(coop, 17, 'Z'), "第 18 位"},
		{strings.ToLower(social), "不是允许的字符"},
		{replace(coop, 4, 'A'), "第 3–8 位应为行政区划代码"},
	}
	for _, tt := range tests {
		err := ValidateCreditCode(tt.code)
		if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.errSubstr) {
			t.Errorf("ValidateCreditCode(%q) = %v, want EINVALID containing %q", tt.code, err, tt.errSubstr)
		}
	}
}

func TestMakeCreditCodeRejectsBadBodies(t *testing.T) {
	for _, c := range []string{MakeCreditCode("93", "222424", "1000000"), MakeCreditCode("93", "222424", "1000000-"), MakeCreditCode("9", "222424", "10000000")} {
		if c != "" {
			t.Errorf("MakeCreditCode built %q from a bad part", c)
		}
	}
}

func FuzzValidateCreditCode(f *testing.F) {
	for _, s := range []string{
		"91350100M000100Y43", "93222424100000008D", "9322242410000018XC", "93222424100000008E",
		"93222424100000009D", "9322242410000000", "", "IIIIIIIIIIIIIIIIII", "51222424MA0Y0001", "０1350100M000100Y43",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		err := ValidateCreditCode(code)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ValidateCreditCode(%q): error code %s", code, ErrorCode(err))
			}
			return
		}
		if len(code) != 18 || CreditCheckChar(code[:17]) != code[17] || OrgCodeCheckChar(code[8:16]) != code[16] {
			t.Fatalf("ValidateCreditCode accepted %q with a wrong check character", code)
		}
		if m := MakeCreditCode(code[:2], code[2:8], code[8:16]); m != code {
			t.Fatalf("MakeCreditCode rebuilds %q, want %q", m, code)
		}
		if err := ValidateCreditCode(strings.Clone(code)); err != nil {
			t.Fatalf("accepted %q once, then %v", code, err)
		}
	})
}
