package xlsx

import (
	"fmt"
	"strings"
	"time"

	"hezuo"
	"hezuo/rules"
)

// Options are the settings of one import.
type Options struct {
	// Today bounds birth dates and is the day a change of party status or
	// of a flag takes effect when the file gives no date (default: today in
	// China).
	Today hezuo.Date
	// Now is the moment of the import's write, its audit entries' time
	// (default: the clock when the write begins).
	Now time.Time
	// Sheet names the worksheet to read (default: the KIND's sheet name if
	// the workbook has it, else its first data sheet).
	Sheet string
	// Access is the importing user (nil: the command line, everything). A
	// township officer's rows must lie in the township: any row referring
	// to an org, village, person or other record outside is a problem.
	Access *hezuo.Access
	// TempDir is where a large worksheet is unpacked while it is read
	// ("" for the system's temporary directory; the web server gives its
	// upload directory, emptied when it starts).
	TempDir string
	// Name is the file's name as its user knows it, for the note of the
	// import's audit entries (default: the base name of the path read; a
	// web upload is read from a temporary file).
	Name string
}

// kindRows converts rows of one KIND into records and merges them with what
// the store holds.
type kindRows interface {
	// add converts one row; it reports problems through r and keeps the
	// records only of a row without problems.
	add(r *rowCtx)
	// finish runs the checks across rows (duplicates, disagreements).
	finish(b *Batch)
	// probe returns the records parsed, for Records.Existing.
	probe() *hezuo.Dataset
	// plan classifies rows against the stored records and returns what to write.
	plan(b *Batch, have *hezuo.Dataset) *Plan
}

// Batch is a file read as one KIND: its rows converted to records and the
// problems found in them.
type Batch struct {
	Schema   *Schema
	Path     string
	Sheet    string
	Header   []string
	Encoding string
	Rows     int // data rows read (blank rows skipped)
	Problems []Problem

	bind     binding
	today    hezuo.Date
	date1904 bool
	kind     kindRows
	settings *rules.Settings // the rule settings, for the KINDs that check them
	access   *hezuo.Access
	badRefs  []badRef // the references of rows not read whole (badrefs.go)
}

// Parse reads path as rows of kind and checks every row on its own and
// against the other rows. Problems found are in the Batch; the error is for
// an unknown KIND or an unreadable file.
func Parse(kind, path string, opt Options) (*Batch, error) {
	s := Lookup(kind)
	if s == nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "未知的数据类型 %q（可用：%s）", "unknown KIND %q (known: %s)", kind, strings.Join(Kinds(), ", "))
	}
	if opt.Today.IsZero() {
		opt.Today = hezuo.Today(hezuo.China)
	}
	sheet := opt.Sheet
	if sheet == "" {
		sheet = s.Sheet
	}
	sh, err := openIn(path, sheet, opt.TempDir)
	if err != nil {
		return nil, err
	}
	defer sh.Close()
	b := &Batch{Schema: s, Path: path, Sheet: sh.Name, Header: sh.Header, Encoding: sh.Encoding,
		today: opt.Today, date1904: sh.Date1904, kind: s.rows(), access: opt.Access}
	var probs []Problem
	b.bind, probs = s.bind(sh.Header)
	b.Problems = append(b.Problems, probs...)
	if len(probs) > 0 {
		// Without its columns no row can be read sensibly: one clear error.
		b.Problems = sortProblems(b.Problems)
		return b, nil
	}
	if g, ok := b.kind.(interface{ grow(int) }); ok && sh.sizeHint > 0 {
		g.grow(min(sh.sizeHint, maxSizeHint))
	}
	r := &rowCtx{b: b}
	for num, cells := range sh.Rows(&err) {
		if blankRow(cells) {
			continue
		}
		b.Rows++
		r.num, r.cells, r.bad = num, cells, false
		n := len(b.Problems)
		b.kind.add(r)
		if r.bad {
			b.noteBadRefs(r, b.Problems[n:])
		}
	}
	if err != nil {
		return nil, err
	}
	if b.Rows == 0 {
		b.Problems = append(b.Problems, Problem{Row: 2, Column: b.Header[0], col: 0,
			ZH: "文件没有数据行", EN: "the file has no data rows"})
	}
	b.kind.finish(b)
	b.Problems = sortProblems(b.Problems)
	return b, nil
}

// maxSizeHint bounds the rows a KIND makes room for before reading them.
const maxSizeHint = 1 << 20

// rowCtx is one row being converted.
type rowCtx struct {
	b     *Batch
	num   int
	cells []string
	bad   bool
}

// has reports whether the file has the column.
func (b *Batch) has(key string) bool { _, ok := b.bind.idx[key]; return ok }

// has reports whether the file has the column.
func (r *rowCtx) has(key string) bool { return r.b.has(key) }

// raw returns the cell of a column as stored ("" when absent).
func (r *rowCtx) raw(key string) string {
	i, ok := r.b.bind.idx[key]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// fail records a problem in a column of this row.
func (r *rowCtx) fail(key, zh, en string) {
	r.bad = true
	r.b.Problems = append(r.b.Problems, r.b.problem(r.num, key, zh, en))
}

// problem locates a problem at row num in the column with key.
func (b *Batch) problem(num int, key, zh, en string) Problem {
	p := Problem{Row: num, ZH: zh, EN: en, col: -1}
	if i, ok := b.bind.idx[key]; ok {
		p.Column, p.col = b.bind.header[key], i
	} else if c := b.Schema.Column(key); c != nil {
		p.Column, p.col = c.ZH, len(b.Header)+1
	} else {
		p.Column = key
	}
	return p
}

func (r *rowCtx) text(key string) string { return Text(r.raw(key)) }
func (r *rowCtx) code(key string) string { return Code(r.raw(key)) }

// need fails when a required cell is empty and reports whether it is set.
func (r *rowCtx) need(key, v string) bool {
	if v == "" {
		c := r.b.Schema.Column(key)
		r.fail(key, c.ZH+"不能为空", c.Key+" is empty")
		return false
	}
	return true
}

// parsed reads key's required cell through parse; a value parse does not
// take is a problem, zh and en formatting it (%q). An empty or unknown
// value gives what parse gives for it (the zero value when empty).
func parsed[T any](r *rowCtx, key string, parse func(string) (T, bool), zh, en string) T {
	s := r.text(key)
	if !r.need(key, s) {
		var zero T
		return zero
	}
	v, ok := parse(s)
	if !ok {
		r.fail(key, fmt.Sprintf(zh, s), fmt.Sprintf(en, s))
	}
	return v
}

// among parses a cell by a table of the spellings it accepts.
func among(spellings map[string]string) func(string) (string, bool) {
	return func(s string) (string, bool) {
		v, ok := spellings[s]
		return v, ok
	}
}

// future notes a problem when key's day lies after today (the record tells
// of what has not happened yet) and reports it; zh and en format the day
// and today, in that order.
func (r *rowCtx) future(key string, day hezuo.Date, zh, en string) bool {
	if !day.After(r.b.today) {
		return false
	}
	r.fail(key, fmt.Sprintf(zh, day, r.b.today), fmt.Sprintf(en, day, r.b.today))
	return true
}

// date reads a date cell; an empty cell is the zero Date (a problem when
// required).
func (r *rowCtx) date(key string, required bool) hezuo.Date {
	s := r.raw(key)
	if Text(s) == "" {
		if required {
			r.need(key, "")
		}
		return hezuo.Date{}
	}
	d, ok := ParseDate(s, r.b.date1904)
	if !ok {
		r.fail(key, fmt.Sprintf("日期 %q 无法识别或不存在（可写 2022-06-08、2022/6/8、2022.6.8、2022年6月8日或日期格式单元格）", Text(s)),
			fmt.Sprintf("date %q not understood or not a real date (write 2022-06-08, 2022/6/8, 2022.6.8, 2022年6月8日 or use a date cell)", Text(s)))
	}
	return d
}

// boolean reads a yes/no cell; empty is no.
func (r *rowCtx) boolean(key string) bool {
	v, ok := ParseBool(r.raw(key))
	if !ok {
		r.fail(key, fmt.Sprintf("%q 应为 是 或 否", Text(r.raw(key))), fmt.Sprintf("%q must be yes or no (是/否, Y/N, 1/0)", Text(r.raw(key))))
	}
	return v
}

// integer reads a whole, non-negative number; empty is 0.
func (r *rowCtx) integer(key string) int {
	n, ok := ParseInt(r.raw(key))
	if !ok || n < 0 {
		r.fail(key, fmt.Sprintf("%q 应为不小于 0 的整数", Text(r.raw(key))), fmt.Sprintf("%q must be a whole number, 0 or more", Text(r.raw(key))))
	}
	return n
}

// domain reports a domain validation error in the column its field maps to
// (fields maps a record's field names to column keys where they differ) and
// tells whether there was none (err nil).
func (r *rowCtx) domain(err error, fields map[string]string) bool {
	if err == nil {
		return true
	}
	es := hezuo.FieldErrors(err)
	if es == nil {
		r.fail("", err.Error(), err.Error())
		return false
	}
	// A record's Validate reports every field at once: each in its column.
	for _, e := range es {
		key := e.Field
		if k, ok := fields[key]; ok {
			key = k
		}
		r.fail(key, e.ZH, e.EN)
	}
	return false
}

// bounded reports (and records, beside the row's column) a record value
// outside the bounds every write path keeps (hezuo.Bounded), for the KINDs
// whose records have no Validate of their own; fields renames the
// record's JSON names to the KIND's column keys where they differ. The
// store checks the same bounds again for the whole dataset.
func (r *rowCtx) bounded(v any, fields map[string]string) bool {
	return r.domain(hezuo.Bounded("", v, r.b.today), fields)
}

// idNumber reads an ID number cell; a number that a spreadsheet turned into
// 2.22424E+17 is named as such, and the GB 11643 check character and the
// birth date (real, not after today) are checked here, so a wrong ID number
// is reported even when another cell of its row is wrong too.
func (r *rowCtx) idNumber(key string) string {
	s := r.code(key)
	if !r.need(key, s) {
		return ""
	}
	if strings.ContainsAny(s, "E+") && !strings.ContainsAny(s, "X") {
		r.fail(key, "身份证号被存成了数字（"+s+"），后几位已丢失；请把该列设为文本格式后重新填写",
			"the ID number was stored as a number ("+s+") and lost its last digits; format the column as text and type it again")
		return ""
	}
	if !checkID(r, s, key) {
		return ""
	}
	return s
}

// checkID reports (and records in the column key) an ID number whose check
// character or birth date is wrong, for the KINDs whose rows name a person
// without validating a Person.
func checkID(r *rowCtx, id, key string) bool {
	if _, _, _, err := hezuo.ParseIDNumber(id, r.b.today); err != nil {
		r.domain(err, map[string]string{"": key})
		return false
	}
	return true
}
