package sqldb

import (
	"strconv"

	"hezuo"
)

// auditSpec says how an import audits the records of one kind.
type auditSpec[T any] struct {
	entity string // as the forms name it
	// keys returns a record's keys: the first a stored record shares finds
	// the stored one a record written replaces (a database id first, for
	// records updated in place by id; then the natural key).
	keys func(*T) []string
	// show returns the entry's key (masked when written) and division.
	show func(*T) (string, string)
	view func(T) any // what the entry holds; nil: the record itself
}

// auditCollect appends an entry for every record of written (the last of
// a key, as the writers keep) that is new or differs from the stored
// record it replaces.
func auditCollect[T any](rows []auditRow, s auditSpec[T], written, stored []T) []auditRow {
	if len(written) == 0 {
		return rows
	}
	byKey := make(map[string]*T, len(stored))
	for i := range stored {
		for _, k := range s.keys(&stored[i]) {
			byKey[k] = &stored[i]
		}
	}
	keys := make([][]string, len(written))
	last := make(map[string]int, len(written))
	for i := range written {
		keys[i] = s.keys(&written[i])
		last[keys[i][0]] = i
	}
	view := func(v T) string {
		if s.view == nil {
			return auditJSON(v)
		}
		return auditJSON(s.view(v))
	}
	for i := range written {
		w, ks := &written[i], keys[i]
		if last[ks[0]] != i {
			continue
		}
		var old *T
		for _, k := range ks {
			if o, ok := byKey[k]; ok {
				old = o
				break
			}
		}
		r := auditRow{entity: s.entity}
		r.after = auditJSON(*w)
		if old != nil {
			// Compared unmasked: a phone changed in its hidden digits is a change.
			if r.before = auditJSON(*old); r.before == r.after {
				continue
			}
			if s.view != nil {
				r.before = view(*old)
			}
		}
		if s.view != nil {
			r.after = view(*w)
		}
		r.key, r.division = s.show(w)
		rows = append(rows, r)
	}
	return rows
}

// key joins a natural key's parts.
func key(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, p...)
	}
	return string(b)
}

// idKey is a database id as a record's first key (none for a record
// without one).
func idKey(id int64, natural string) []string {
	if id == 0 {
		return []string{natural}
	}
	return []string{"#" + strconv.FormatInt(id, 10), natural}
}

// divisionCode is a division's code as stored (12 digits), or as given
// when it is not one.
func divisionCode(code string) string {
	if c, err := hezuo.NormalizeDivisionCode(code); err == nil {
		return c
	}
	return code
}
