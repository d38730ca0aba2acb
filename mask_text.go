package hezuo

import (
	"regexp"
	"strings"
)

// Audit entries hold free text (notes, keys, encoded values) that may carry
// personal numbers; what they keep of them follows the same rule as every
// view (mask.go): MaskPersonal masks the numbers, MaskBirthDates the birth
// dates that would complete a masked number.

// isAlnum reports whether c is an ASCII letter or digit: MaskPersonal
// recognises ID numbers and phones in maximal runs of them.
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// MaskPersonal masks every ID number (18 characters with a valid GB 11643
// check character) and mobile phone number (11 digits, 1[3-9]…) in s, as
// audit entries must hold them: 222424********1234, 139****1111. A bare
// JSON number (an amount in fen) is not a phone and stays.
func MaskPersonal(s string) string {
	if len(s) < 11 {
		return s
	}
	var b strings.Builder
	last := 0
	// Scanned by hand, not by regular expression: an import masks the
	// values of hundreds of thousands of audit entries.
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		m := [2]int{i, j}
		i = j
		if n := j - m[0]; n != 18 && n != 11 {
			continue
		}
		t := s[m[0]:m[1]]
		var masked string
		switch {
		case len(t) == 18 && allDigits(t[:17]) && IDCheckChar(t[:17]) == strings.ToUpper(t[17:])[0]:
			masked = MaskIDNumber(t)
		case len(t) == 11 && allDigits(t) && t[0] == '1' && t[1] >= '3' && !jsonNumber(s, m[0], m[1]):
			masked = MaskPhone(t)
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

// birthDateJSON is a birth date as encoding/json writes it in an entry.
var birthDateJSON = regexp.MustCompile(`"birth_date":"([0-9]{4})-[0-9]{2}-[0-9]{2}"`)

// MaskBirthDates replaces every "birth_date":"YYYY-MM-DD" in the JSON s by
// "birth_year":YYYY: a masked ID number and its birth date are the whole
// number (ShownBirth).
func MaskBirthDates(s string) string {
	return birthDateJSON.ReplaceAllString(s, `"birth_year":$1`)
}
