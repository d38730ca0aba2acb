package report

import "strings"

// mdInline escapes plain text for any place inside a Markdown line (a
// heading, a list item, a table cell): line breaks become spaces (a text
// cannot start a block of its own), "<" and ">" become entities (no HTML
// tag or autolink passes through, whatever the renderer), and every other
// character Markdown gives a meaning inline — emphasis, code, links and
// images, headings, table cells, strikethrough, escapes — is backslash-escaped.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]()#|<>~\r\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteByte(' ')
		case '\n':
			b.WriteByte(' ')
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '~':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// mdLine escapes plain text that starts a line of its own (a paragraph):
// mdInline, and a leading "-", "+", "=" or digits then "." or ")" (a list
// item, a setext underline, a numbered item) are escaped too; leading
// blanks, which could make it code, are dropped.
func mdLine(s string) string {
	s = mdInline(strings.TrimLeft(s, " \t"))
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return "\\" + s
	}
	d := 0
	for d < len(s) && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d > 0 && d < len(s) && (s[d] == '.' || s[d] == ')') {
		return s[:d] + "\\" + s[d:]
	}
	return s
}
