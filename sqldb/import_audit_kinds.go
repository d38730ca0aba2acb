package sqldb

import (
	"runtime"
	"strconv"
	"sync"

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
	// One entry per record, the JSON encoded on every core (the records are
	// only read), then kept in the records' order.
	entries, keep := make([]auditRow, len(written)), make([]bool, len(written))
	onCores(len(written), func(lo, hi int) {
		for i := lo; i < hi; i++ {
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
			if old == nil { // created: encoded once, as shown
				r.after = view(*w)
			} else {
				// Compared unmasked: a phone changed in its hidden digits is a change.
				if r.before, r.after = auditJSON(*old), auditJSON(*w); r.before == r.after {
					continue
				}
				if s.view != nil {
					r.before, r.after = view(*old), view(*w)
				}
			}
			r.key, r.division = s.show(w)
			entries[i], keep[i] = r, true
		}
	})
	for i, r := range entries {
		if keep[i] {
			rows = append(rows, r)
		}
	}
	return rows
}

// onCoresMin is the fewest items onCores shares out.
const onCoresMin = 10000

// onCores calls fn over [0, n) in as many ranges as there are cores, at
// once, and returns when all are done (one range for fewer than
// onCoresMin items).
func onCores(n int, fn func(lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), max(1, n/onCoresMin))
	if parts <= 1 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		wg.Go(func() { fn(n*p/parts, n*(p+1)/parts) })
	}
	wg.Wait()
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
