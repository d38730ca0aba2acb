package sqldb

import (
	"strings"

	"hezuo"
)

// isAlnum reports whether c is an ASCII letter or digit: maskPersonal
// recognises ID numbers and phones in maximal runs of them.
func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

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
