package sqldb

import (
	"regexp"
	"strings"

	"hezuo"
)

// alnumRun is a maximal run of ASCII letters and digits: the unit in which
// maskPersonal recognises ID numbers and phones.
var alnumRun = regexp.MustCompile(`[0-9A-Za-z]+`)

// maskPersonal masks every ID number (18 characters with a valid GB 11643
// check character) and mobile phone number (11 digits, 1[3-9]…) in s, as
// audit entries must hold them: 222424********1234, 139****1111. A bare
// JSON number (an amount in fen) is not a phone and stays.
func maskPersonal(s string) string {
	if len(s) < 11 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range alnumRun.FindAllStringIndex(s, -1) {
		t := s[m[0]:m[1]]
		var masked string
		switch {
		case len(t) == 18 && allDigits(t[:17]) && hezuo.IDCheckChar(t[:17]) == strings.ToUpper(t[17:])[0]:
			masked = hezuo.MaskIDNumber(t)
		case len(t) == 11 && allDigits(t) && t[0] == '1' && t[1] >= '3' && !jsonNumber(s, m[0], m[1]):
			masked = hezuo.MaskPhone(t)
		default:
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(masked)
		last = m[1]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// jsonNumber reports whether s[i:j] stands as a JSON number: after one of
// ":,[" and before one of ",}]" or the end.
func jsonNumber(s string, i, j int) bool {
	return i > 0 && strings.IndexByte(":,[", s[i-1]) >= 0 && (j == len(s) || strings.IndexByte(",}]", s[j]) >= 0)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
