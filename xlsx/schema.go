package xlsx

import (
	"strings"
	"unicode/utf8"

	"hezuo"
)

// Type is how a column's cells are read.
type Type int

// Column types.
const (
	TText Type = iota // free text, trimmed
	TCode             // a code: full-width folded, blanks removed, upper-cased
	TID               // a resident ID number (a lower-case x accepted)
	TDate             // a date in any accepted form or an Excel date serial
	TBool             // 是/否 and the other yes/no forms
	TInt              // a whole number
	TEnum             // one of Choices (or an accepted synonym)
	TList             // codes separated by ; 、 , or blanks
	TKey              // a key such as 组织编号: full-width folded, blanks removed, case kept
)

// Column is one column of a KIND: its Chinese header, English alias, how
// its cells are read and what the template says about it.
type Column struct {
	Key      string   // the English header, also the field name in errors ("id_number")
	ZH       string   // the Chinese header ("身份证号")
	Aliases  []string // other accepted headers
	Type     Type
	Required bool     // the column must be present (its cells may still be optional)
	Choices  []string // dropdown values of a TEnum or TBool column
	NoteZH   string   // what to type, shown in the template
	NoteEN   string
	Example  string // a value for the template's example row
	Text     bool   // the template formats the column as text (long digit strings)
}

// idColumn is a KIND's required id_number column: the person's ID number
// under the Chinese header zh (or aliases), kept as text, with its note.
func idColumn(zh, noteZH, noteEN string, aliases ...string) Column {
	return Column{Key: "id_number", ZH: zh, Aliases: aliases, Type: TID, Required: true, Text: true, Example: "22242419800101022X",
		NoteZH: noteZH, NoteEN: noteEN}
}

// Schema describes one KIND of import and export.
type Schema struct {
	Kind   string // the CLI name: "members"
	Sheet  string // the data sheet's name in templates and exports
	ZH, EN string // what a row is, for messages ("成员" / "member")
	KeyZH  string // the key in words, for the instructions sheet
	// TitleZH and TitleEN name the KIND in a list ("党组织", "Party organizations").
	TitleZH, TitleEN string
	Columns          []Column

	rows     func() kindRows                                   // a fresh row converter
	export   func(ds *hezuo.Dataset, today hezuo.Date) [][]any // a dump's rows, in Columns order
	platform bool                                              // the plan needs the stored platform records (platforms.go)
	settings bool                                              // the plan checks the rule settings
}

// Column returns the column with key, or nil.
func (s *Schema) Column(key string) *Column {
	for i := range s.Columns {
		if s.Columns[i].Key == key {
			return &s.Columns[i]
		}
	}
	return nil
}

// headerKey normalises a header for matching: full-width folded, a trailing
// "*" or "（必填）" and any parenthesised note dropped, lower-cased, without
// blanks, underscores or hyphens.
func headerKey(h string) string {
	h = Fold(Text(h))
	for _, open := range []string{"(", "（"} {
		if i := strings.Index(h, open); i > 0 {
			h = h[:i]
		}
	}
	h = strings.Trim(h, "*＊ ")
	h = strings.ToLower(h)
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || isBlank(r) {
			return -1
		}
		return r
	}, h)
}

// match returns the column a header names: its Chinese name, English key or
// an alias; "身份证号/id_number" (either side of a slash) too.
func (s *Schema) match(header string) *Column {
	k := headerKey(header)
	if k == "" {
		return nil
	}
	for i := range s.Columns {
		c := &s.Columns[i]
		if k == headerKey(c.ZH) || k == headerKey(c.Key) {
			return c
		}
		for _, a := range c.Aliases {
			if k == headerKey(a) {
				return c
			}
		}
	}
	if i := strings.IndexAny(header, "/／"); i > 0 {
		if c := s.match(header[:i]); c != nil {
			return c
		}
		_, w := utf8.DecodeRuneInString(header[i:])
		return s.match(header[i+w:])
	}
	return nil
}

// binding maps a file's columns to a schema's.
type binding struct {
	idx    map[string]int    // column key → index in the row
	header map[string]string // column key → header as written
}

// bind matches header cells to columns. It reports a problem on row 1 for
// every missing required column and every column given twice.
func (s *Schema) bind(header []string) (binding, []Problem) {
	b := binding{idx: map[string]int{}, header: map[string]string{}}
	var probs []Problem
	for i, h := range header {
		c := s.match(h)
		if c == nil {
			continue // extra columns are ignored
		}
		if j, dup := b.idx[c.Key]; dup {
			probs = append(probs, Problem{Row: 1, Column: h, col: i,
				ZH: "与第 " + colName(j) + " 列重复（同一列出现两次）",
				EN: "same column as column " + colName(j) + " (given twice)"})
			continue
		}
		b.idx[c.Key] = i
		b.header[c.Key] = h
	}
	for _, c := range s.Columns {
		if _, ok := b.idx[c.Key]; c.Required && !ok {
			probs = append(probs, Problem{Row: 1, Column: c.ZH, col: -1,
				ZH: "缺少必填列“" + c.ZH + "”（表头也可写作 " + c.Key + "）",
				EN: "required column missing: " + c.ZH + " (or " + c.Key + ")"})
		}
	}
	return b, probs
}

// colName returns the spreadsheet letters of a 0-based column index.
func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
