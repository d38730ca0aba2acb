package hezuo

import "strings"

// Division levels, from the statistical division code's length.
const (
	LevelProvince   = "province"   // 2 significant digits
	LevelPrefecture = "prefecture" // 4
	LevelCounty     = "county"     // 6
	LevelTownship   = "township"   // 9
	LevelVillage    = "village"    // 12
)

// Division is an administrative division. Code is always stored as the
// 12-digit statistical code (a county 222424 as 222424000000, a township
// 222424103 as 222424103000).
type Division struct {
	Code string `json:"code" bound:"code"`
	Name string `json:"name" bound:"name"`
}

// Level returns the division's level derived from its code.
func (d Division) Level() string { return LevelOf(d.Code) }

// Validate checks the code's form and that a name is given.
func (d Division) Validate() error {
	rec := "区划 " + d.Code
	c := boundsOf(rec, d, Today(China))
	if _, err := NormalizeDivisionCode(d.Code); err != nil {
		for _, e := range FieldErrors(err) {
			c.add(Invalid(rec, "code", e.ZH, e.EN))
			break
		}
	}
	c.required(rec, "name", d.Name, "缺少名称", "name missing")
	return c.err()
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// NormalizeDivisionCode returns the 12-digit form of a 6-, 9- or 12-digit
// division code: 222424 → 222424000000, 222424103 → 222424103000.
func NormalizeDivisionCode(code string) (string, error) {
	code = strings.TrimSpace(code)
	if !allDigits(code) || (len(code) != 6 && len(code) != 9 && len(code) != 12) {
		return "", Errorf(EINVALID, "区划代码 %q 应为 6、9 或 12 位数字", "division code %q must have 6, 9 or 12 digits", code)
	}
	return code + strings.Repeat("0", 12-len(code)), nil
}

// SignificantCode strips a 12-digit (or GB/T 2260 6-digit) code to the digits
// that identify it: 222424000000 → 222424, 222424103000 → 222424103,
// 220000 → 22, 222400 → 2224.
func SignificantCode(code string) string {
	switch {
	case len(code) == 12 && strings.HasSuffix(code, "000000"):
		code = code[:6]
	case len(code) == 12 && strings.HasSuffix(code, "000"):
		return code[:9]
	case len(code) == 9 && strings.HasSuffix(code, "000"):
		code = code[:6]
	}
	if len(code) == 12 || len(code) == 9 {
		return code
	}
	if len(code) == 6 {
		switch {
		case strings.HasSuffix(code, "0000"):
			return code[:2]
		case strings.HasSuffix(code, "00"):
			return code[:4]
		}
	}
	return code
}

// LevelOf returns the level of a division code (any padding).
func LevelOf(code string) string {
	switch len(SignificantCode(code)) {
	case 2:
		return LevelProvince
	case 4:
		return LevelPrefecture
	case 6:
		return LevelCounty
	case 9:
		return LevelTownship
	default:
		return LevelVillage
	}
}

// CountyOf returns the 6-digit county code of a division code.
func CountyOf(code string) string {
	if len(code) < 6 {
		return code
	}
	return code[:6]
}

// TownshipOf returns the 9-digit township code of a 9- or 12-digit code.
func TownshipOf(code string) string {
	if len(code) < 9 {
		return code
	}
	return code[:9]
}

// Scope is a set of divisions given by a code prefix; the zero Scope (Prefix
// "") is everything.
type Scope struct {
	Prefix string // significant digits: "", 2, 4, 6, 9 or 12 of them
}

// AllScope is the scope that holds everything.
var AllScope = Scope{}

// ParseScope reads a --scope value: "", "all", or a 2-, 4-, 6-, 9- or
// 12-digit code; GB/T 2260 padding (220000) means the same as 22.
func ParseScope(s string) (Scope, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "all") {
		return AllScope, nil
	}
	if !allDigits(s) {
		return Scope{}, Errorf(EINVALID, "范围 %q 应为区划代码或 all", "scope %q must be a division code or all", s)
	}
	switch len(s) {
	case 2, 4:
		return Scope{Prefix: s}, nil
	case 6, 9, 12:
		return Scope{Prefix: SignificantCode(s)}, nil
	}
	return Scope{}, Errorf(EINVALID, "范围 %q 应为 2、4、6、9 或 12 位区划代码", "scope %q must be a 2-, 4-, 6-, 9- or 12-digit division code", s)
}

// String returns the scope as given to --scope ("all" for everything).
func (s Scope) String() string {
	if s.Prefix == "" {
		return "all"
	}
	return s.Prefix
}

// Contains reports whether the division code (any padding) lies in s.
func (s Scope) Contains(code string) bool { return strings.HasPrefix(code, s.Prefix) }

// Range returns the inclusive bounds of the 12-digit codes in s, for
// index-friendly range queries (code BETWEEN lo AND hi).
func (s Scope) Range() (lo, hi string) {
	return s.Prefix + strings.Repeat("0", 12-len(s.Prefix)), s.Prefix + strings.Repeat("9", 12-len(s.Prefix))
}

// Within reports whether s lies inside (or equals) outer.
func (s Scope) Within(outer Scope) bool { return strings.HasPrefix(s.Prefix, outer.Prefix) }
