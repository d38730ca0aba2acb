package hezuo

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Bounds every stored value keeps, whatever path writes it (form, JSON API,
// import, plan acceptance, Load). They are wide enough for any real record
// and narrow enough that no page, export or sum can be taken down by one:
//
//   - MaxFen bounds one amount of money: 100 million yuan, far above any
//     party-member or cooperative loan; a sum of 900 million such amounts
//     still fits an int64, more records than any table of a nation holds.
//   - Dates lie between MinDate and today + DateHorizonYears (events that are
//     planned: a loan's due date, a term's end, may lie up to
//     FarHorizonYears ahead).
//   - Texts are valid UTF-8 without control characters (a note may hold line
//     breaks and tabs) and have a length limit in characters.
const (
	MaxFen           = int64(10_000_000_000)
	DateHorizonYears = 1
	FarHorizonYears  = 50
	maxListLen       = 1000
	// MaxCount bounds a count a record states (households driven): a
	// stored count past it is read as MaxCount by the figures, so that no
	// roll-up's column (32 bits on PostgreSQL) overflows.
	MaxCount = 1_000_000
)

// MinDate is the earliest date any record may carry.
var MinDate = DateOf(1900, 1, 1)

// Bound kinds: every exported field of a record type names one in its
// `bound` tag, beside the field in the entity's own file.
//
//	key      a natural key (组织编号, 党组织编号, 贷款编号…): ≤ 40 characters, one line, no spaces at the ends
//	code     a division, department or unit code: ≤ 20 characters of [0-9A-Za-z_-]
//	id       an ID number: ≤ 18 characters of [0-9X]
//	enum     a value from a fixed list, checked by Validate: ≤ 40 characters, one line
//	name     a name: ≤ 100 characters, one line
//	text:N   one line of ≤ N characters
//	note:N   ≤ N characters, line breaks and tabs allowed
//	phone    ≤ 20 characters, one line
//	date     MinDate … today + DateHorizonYears (zero allowed: required-ness is Validate's)
//	far      MinDate … today + FarHorizonYears
//	int:L:H  an integer in [L, H]
//	fen      an amount of money in fen in [0, MaxFen]
//	ppm      a rate in parts per million in [0, 1,000,000]
//	codes, keys, names   a list of ≤ 1000 codes, keys or names
//	-        not a stored value (database ids, flags, times set by the system)
//
// fieldBounds holds them by type and field name, read once from the tags of
// the record types a Dataset holds and of the structs they embed or list
// (Period, Election). TestEveryFieldBounded fails for a field without one.
var fieldBounds = boundsFromTags(reflect.TypeFor[Dataset]())

// boundCheck is one field's check, compiled once per type.
type boundCheck struct {
	index []int  // the field, possibly inside an embedded struct
	field string // its JSON name
	kind  string
	lo    int64 // int bounds, text length
	hi    int64
}

var boundCache sync.Map // reflect.Type → []boundCheck

// BoundedTypes lists the record types with bounds, for tests that every
// field of every record is bounded.
func BoundedTypes() []reflect.Type {
	out := make([]reflect.Type, 0, len(fieldBounds))
	for t := range fieldBounds {
		out = append(out, t)
	}
	return out
}

// FieldBound returns the bound kind of t's field name and whether there is one.
func FieldBound(t reflect.Type, name string) (string, bool) {
	k, ok := fieldBounds[t][name]
	return k, ok
}

// checksOf compiles t's checks.
func checksOf(t reflect.Type) []boundCheck {
	if c, ok := boundCache.Load(t); ok {
		return c.([]boundCheck)
	}
	// A type or field without a bound tag (TestEveryFieldBounded fails
	// for it) still gets a bound by its Go type rather than none: a write
	// is never let through, nor a page taken down, by a forgotten entry.
	table := fieldBounds[t]
	var out []boundCheck
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			for _, c := range checksOf(f.Type) {
				c.index = append([]int{i}, c.index...)
				out = append(out, c)
			}
			continue
		}
		spec, ok := table[f.Name]
		if !ok {
			spec = defaultBound(f.Type)
		}
		if spec == "-" {
			continue
		}
		c := boundCheck{index: []int{i}, field: jsonName(f)}
		parts := strings.Split(spec, ":")
		c.kind = parts[0]
		switch c.kind {
		case "text", "note":
			c.hi, _ = strconv.ParseInt(parts[1], 10, 64)
		case "int":
			c.lo, _ = strconv.ParseInt(parts[1], 10, 64)
			c.hi, _ = strconv.ParseInt(parts[2], 10, 64)
		}
		out = append(out, c)
	}
	boundCache.Store(t, out)
	return out
}

// jsonName is a field's JSON key (its Go name when it has none).
func jsonName(f reflect.StructField) string {
	if tag := f.Tag.Get("json"); tag != "" && tag != "-" {
		if n, _, _ := strings.Cut(tag, ","); n != "" {
			return n
		}
	}
	return strings.ToLower(f.Name)
}

// Bounded checks every field of the record v (a pointer to or a value of a
// record type with bound tags) against its bound on day today, and returns an
// EINVALID error naming record and the first field out of bounds, or nil.
// It is the one bounds check of every write path: the entities' Validate
// methods and the store's Load and Import call it.
func Bounded(record string, v any, today Date) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	for _, c := range checksOf(rv.Type()) {
		if err := c.check(record, rv.FieldByIndex(c.index), today); err != nil {
			if e, ok := err.(*Error); ok {
				e.Record = safeLabel(e.Record) // only on a refusal: the label costs a third of the check
			}
			return err
		}
	}
	return nil
}

// BoundedAll checks every record of ds (see Bounded).
func (ds *Dataset) BoundedAll(today Date) error {
	rv := reflect.ValueOf(ds).Elem()
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Field(i)
		if f.Kind() != reflect.Slice {
			continue
		}
		name := rv.Type().Field(i).Name
		for j := 0; j < f.Len(); j++ {
			if err := Bounded(fmt.Sprintf("%s #%d", name, j+1), f.Index(j).Addr().Interface(), today); err != nil {
				return err
			}
		}
	}
	for k, v := range ds.Settings {
		if err := checkText("设置 "+k, "value", v, 200, false); err != nil {
			return err
		}
	}
	return nil
}

func (c *boundCheck) check(record string, v reflect.Value, today Date) error {
	switch c.kind {
	case "key":
		return checkText(record, c.field, v.String(), 40, false)
	case "code":
		return checkCharset(record, c.field, v.String(), 20, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-")
	case "id":
		return checkCharset(record, c.field, v.String(), 18, "0123456789Xx")
	case "enum":
		return checkText(record, c.field, v.String(), 40, false)
	case "name":
		return checkText(record, c.field, v.String(), 100, false)
	case "phone":
		return checkText(record, c.field, v.String(), 20, false)
	case "text":
		return checkText(record, c.field, v.String(), int(c.hi), false)
	case "note":
		return checkText(record, c.field, v.String(), int(c.hi), true)
	case "date", "far":
		years := DateHorizonYears
		if c.kind == "far" {
			years = FarHorizonYears
		}
		d, _ := reflect.TypeAssert[Date](v) // no allocation, unlike Interface()
		return checkDate(record, c.field, d, today, years)
	case "int":
		return checkInt(record, c.field, v.Int(), c.lo, c.hi)
	case "fen":
		return checkInt(record, c.field, v.Int(), 0, MaxFen)
	case "ppm":
		return checkInt(record, c.field, v.Int(), 0, 1_000_000)
	case "codes", "keys", "names":
		if v.Len() > maxListLen {
			return Invalid(record, c.field, fmt.Sprintf("最多 %d 项", maxListLen), fmt.Sprintf("at most %d items", maxListLen))
		}
		for i := 0; i < v.Len(); i++ {
			e := boundCheck{field: c.field, kind: strings.TrimSuffix(c.kind, "s")}
			if err := e.check(record, v.Index(i), today); err != nil {
				return err
			}
		}
	}
	return nil
}

// CheckText refuses s when it is not valid UTF-8, holds a control character
// (line breaks and tabs allowed when multiline), or is longer than max
// characters. The forms' and imports' free texts outside the records (a
// user's note, a search) use it too.
func CheckText(record, field, s string, max int, multiline bool) error {
	return checkText(record, field, s, max, multiline)
}

func checkText(record, field, s string, max int, multiline bool) error {
	if !utf8.ValidString(s) {
		return Invalid(record, field, "含有无效字符（非 UTF-8）", "holds invalid characters (not UTF-8)")
	}
	n := 0
	for _, r := range s {
		n++
		if multiline && (r == '\n' || r == '\t' || r == '\r') {
			continue
		}
		if unicode.IsControl(r) || isFormatControl(r) {
			return Invalid(record, field, fmt.Sprintf("含有控制字符（U+%04X）", r), fmt.Sprintf("holds a control character (U+%04X)", r))
		}
	}
	if n > max {
		return Invalid(record, field, fmt.Sprintf("过长：%d 个字符，最多 %d 个", n, max), fmt.Sprintf("too long: %d characters, at most %d", n, max))
	}
	return nil
}

// isFormatControl reports the invisible characters that reorder or hide
// text (bidirectional overrides and isolates, line and paragraph
// separators, zero-width joiners are allowed: they occur in names).
func isFormatControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFD
}

func checkCharset(record, field, s string, max int, allowed string) error {
	if len(s) > max {
		return Invalid(record, field, fmt.Sprintf("过长：%d 个字符，最多 %d 个", utf8.RuneCountInString(s), max), fmt.Sprintf("too long: at most %d characters", max))
	}
	for _, r := range s {
		if !strings.ContainsRune(allowed, r) {
			return Invalid(record, field, fmt.Sprintf("含有不允许的字符 %q", r), fmt.Sprintf("holds a character not allowed: %q", r))
		}
	}
	return nil
}

func checkDate(record, field string, d, today Date, years int) error {
	if d.IsZero() {
		return nil
	}
	last := today.AddDate(years, 0, 0)
	if d.Before(MinDate) || d.After(last) {
		return Invalid(record, field, fmt.Sprintf("日期 %s 超出范围（%s 至 %s）", d, MinDate, last),
			fmt.Sprintf("date %s out of range (%s to %s)", d, MinDate, last))
	}
	return nil
}

func checkInt(record, field string, n, lo, hi int64) error {
	if n < lo || n > hi {
		return Invalid(record, field, fmt.Sprintf("数值 %d 超出范围（%d 至 %d）", n, lo, hi), fmt.Sprintf("%d out of range (%d to %d)", n, lo, hi))
	}
	return nil
}

// safeLabel is record as an error may name it: control characters dropped
// and at most 60 characters (the record's own key may be what is wrong).
func safeLabel(record string) string {
	var b strings.Builder
	n := 0
	for _, r := range strings.ToValidUTF8(record, "?") {
		if unicode.IsControl(r) || isFormatControl(r) {
			continue
		}
		if n++; n > 60 {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}

// defaultBound is the bound of a field without a bound tag, by its Go type.
func defaultBound(t reflect.Type) string {
	switch {
	case t == reflect.TypeFor[Date]():
		return "far"
	case t.Kind() == reflect.String:
		return "note:4000"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return "names"
	}
	return "-"
}

// boundsFromTags reads the bound tags of the record types ds's slices hold
// and of the structs (or lists of structs) they hold that carry bound tags
// too: an embedded Period, a party organization's Elections; a Date has none.
func boundsFromTags(ds reflect.Type) map[reflect.Type]map[string]string {
	out := map[reflect.Type]map[string]string{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if _, seen := out[t]; seen || t.Kind() != reflect.Struct {
			return
		}
		table := map[string]string{}
		for f := range t.Fields() {
			if spec, ok := f.Tag.Lookup("bound"); ok && f.IsExported() {
				table[f.Name] = spec
			}
		}
		if len(table) > 0 {
			out[t] = table
			for f := range t.Fields() {
				walk(f.Type)
			}
		}
	}
	for f := range ds.Fields() {
		walk(f.Type)
	}
	return out
}
