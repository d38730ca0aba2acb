package xlsx

import "strings"

// Spreadsheet programs read a CSV cell that starts with "=", "+", "-" or
// "@" as a formula (a tab or a carriage return before one is dropped), so a
// name like =HYPERLINK("http://x") written by one user would run in another
// user's Excel (CSV injection, OWASP). Every text cell this package writes to
// CSV goes through csvText; the reader undoes it (csvUntext), as Excel
// itself reads a typed leading apostrophe, so exports still re-import
// unchanged. A .xlsx needs none of this: its cells are typed, and a string
// cell is never evaluated (excelize writes it as a string, not a formula).

// csvTriggers are the first characters that make a CSV cell a formula.
const csvTriggers = "=+-@\t\r"

// csvText returns a text cell safe to write to CSV: one that starts with a
// trigger character gets a leading apostrophe, unless it is a plain number
// ("-3", "+8613900000000", "-1.5"), which no program reads as a formula.
func csvText(s string) string {
	if s == "" || !strings.ContainsRune(csvTriggers, rune(s[0])) || plainNumber(s) {
		return s
	}
	return "'" + s
}

// csvUntext undoes csvText on a cell read from CSV.
func csvUntext(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.ContainsRune(csvTriggers, rune(s[1])) && !plainNumber(s[1:]) {
		return s[1:]
	}
	return s
}

// plainNumber reports whether s is an optional sign, digits, and at most one
// decimal point followed by digits.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	return allDigits(whole) && (!dot || allDigits(frac))
}
