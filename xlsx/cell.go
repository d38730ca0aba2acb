package xlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"hezuo"
)

// Fold maps full-width ASCII forms (Ｕ+FF01–FF5E) to their ASCII
// counterparts and the ideographic space to a space; other text is returned
// as is. ASCII input costs one scan and no allocation.
func Fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isBlank reports whether r is whitespace or an invisible character that
// spreadsheets and copy-paste leave around values (zero-width space, BOM).
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d'
}

// Text returns a free-text cell trimmed of surrounding blanks; inner text,
// full-width punctuation included, is kept as typed.
func Text(s string) string { return strings.TrimFunc(s, isBlank) }

// Code returns a code-like cell (ID number, division code, org number,
// credit code, phone): full-width folded, every blank removed, upper-cased.
func Code(s string) string {
	s = Fold(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c >= 'a' && c <= 'z') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, s)
	return strings.ToUpper(s)
}

// Key returns a key cell (组织编号, 党组织编号): full-width folded and every
// blank removed, its letters' case kept.
func Key(s string) string {
	return strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, Fold(s))
}

// Excel serial-date bounds accepted: 1900-01-01 .. 2199-12-31.
const (
	minSerial = 1
	maxSerial = 109574
)

// ParseDate reads a date as people type it — 2022-06-08, 2022/6/8, 2022.6.8,
// 2022年6月8日, 20220608, with or without a time of day after it — or an
// Excel date serial (the raw number behind a date cell; date1904 selects the
// Mac 1904 epoch). It returns ok false for anything else, impossible dates
// such as 2022-02-30 included.
func ParseDate(s string, date1904 bool) (hezuo.Date, bool) {
	s = strings.TrimFunc(Fold(s), isBlank)
	if s == "" {
		return hezuo.Date{}, false
	}
	if d, ok := parseSerial(s, date1904); ok {
		return d, true
	}
	if len(s) == 8 && allDigits(s) {
		return civil(s[:4], s[4:6], s[6:])
	}
	// Drop a time of day: "2022-06-08 00:00:00", "2022/6/8 0:00".
	if i := strings.IndexAny(s, " T"); i > 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.TrimSuffix(s, "号")
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == '年' || r == '月' || r == '\u2013' || r == '\u2014'
	})
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return hezuo.Date{}, false
	}
	return civil(parts[0], parts[1], parts[2])
}

// parseSerial reads an Excel date serial (whole days; a fraction is a time
// of day and is dropped).
func parseSerial(s string, date1904 bool) (hezuo.Date, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	if len(s) > 20 || !allDigits(whole) || (frac != "" && !allDigits(frac)) {
		return hezuo.Date{}, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < minSerial || f > maxSerial {
		return hezuo.Date{}, false
	}
	days := int(math.Floor(f))
	// Day 0 is 1899-12-31 in the 1900 system, which wrongly counts
	// 1900-02-29 (serial 60): serials from 61 on are one day late.
	base := hezuo.DateOf(1899, time.December, 31)
	if date1904 {
		base = hezuo.DateOf(1904, time.January, 1)
	} else if days >= 61 {
		days--
	} else if days == 60 {
		return hezuo.Date{}, false
	}
	return base.AddDays(days), true
}

func civil(ys, ms, ds string) (hezuo.Date, bool) {
	y, err1 := strconv.Atoi(ys)
	m, err2 := strconv.Atoi(ms)
	d, err3 := strconv.Atoi(ds)
	if err1 != nil || err2 != nil || err3 != nil || y < 1800 || m < 1 || m > 12 || d < 1 || d > 31 {
		return hezuo.Date{}, false
	}
	t := hezuo.DateOf(y, time.Month(m), d)
	if t.Month() != time.Month(m) { // 2022-02-30 rolled over
		return hezuo.Date{}, false
	}
	return t, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ParseBool reads a yes/no cell: 是/否, Y/N, yes/no, 1/0, true/false, √/×,
// 有/无 (any case, full-width folded). An empty cell is no. ok is false for
// anything else.
func ParseBool(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimFunc(Fold(s), isBlank)) {
	case "是", "y", "yes", "1", "true", "t", "√", "✓", "有", "对":
		return true, true
	case "否", "n", "no", "0", "false", "f", "×", "✗", "无", "", "不是":
		return false, true
	}
	return false, false
}

// ParseInt reads a whole number, allowing full-width digits, thousands
// separators and a ".0" that a spreadsheet may add. An empty cell is 0.
func ParseInt(s string) (int, bool) {
	s = strings.ReplaceAll(Code(s), ",", "")
	if s == "" {
		return 0, true
	}
	s = strings.TrimSuffix(s, ".0")
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// SplitList splits a list cell on ; ； 、 , ， or blanks and returns its
// non-empty items in Code form.
func SplitList(s string) []string {
	parts := strings.FieldsFunc(Fold(s), func(r rune) bool {
		return r == ';' || r == '、' || r == ',' || r == '，' || isBlank(r)
	})
	out := parts[:0]
	for _, p := range parts {
		if p = Code(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
