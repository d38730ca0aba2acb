package sqldb

import (
	"strings"

	"hezuo"
)

// scopeArgs returns the bounds of a scope's 12-digit codes, for
// `col BETWEEN ? AND ?` (index-friendly on every dialect).
func scopeArgs(s hezuo.Scope) []any {
	lo, hi := s.Range()
	return []any{lo, hi}
}

// countyRange returns the bounds of the 6-digit county codes in scope.
func countyRange(s hezuo.Scope) (string, string) {
	p := s.Prefix
	if len(p) > 6 {
		p = p[:6]
	}
	return p + strings.Repeat("0", 6-len(p)), p + strings.Repeat("9", 6-len(p))
}

// active returns the SQL condition "alias's validity interval holds on the
// day" and its two arguments.
func active(alias string, day hezuo.Date) (string, []any) {
	return alias + ".valid_from <= ? AND (" + alias + ".valid_to IS NULL OR " + alias + ".valid_to > ?)", []any{day, day}
}

// orgActive is active() for orgs (founded/dissolved).
func orgActive(alias string, day hezuo.Date) (string, []any) {
	return alias + ".founded <= ? AND (" + alias + ".dissolved IS NULL OR " + alias + ".dissolved > ?)", []any{day, day}
}

// where joins conditions with AND, collecting their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) *where {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
	return w
}

func (w *where) addPair(cond string, args []any) *where { return w.add(cond, args...) }

// eq adds "col = v" unless v is "" (a filter left empty).
func (w *where) eq(col, v string) *where {
	if v != "" {
		w.add(col+" = ?", v)
	}
	return w
}

// like adds "one of cols contains q" unless q is "" (a search left
// empty). % and _ in q are wildcards.
func (w *where) like(q string, cols ...string) *where {
	if q == "" {
		return w
	}
	conds, args := make([]string, len(cols)), make([]any, len(cols))
	for i, c := range cols {
		conds[i], args[i] = c+" LIKE ?", "%"+q+"%"
	}
	return w.add("("+strings.Join(conds, " OR ")+")", args...)
}

// during adds "col on or after from" and "col on or before to", each
// unless its date is zero (a filter left open).
func (w *where) during(col string, from, to hezuo.Date) *where {
	if !from.IsZero() {
		w.add(col+" >= ?", from)
	}
	if !to.IsZero() {
		w.add(col+" <= ?", to)
	}
	return w
}

func (w *where) String() string { return strings.Join(w.conds, " AND ") }

// orgScope returns the conditions "org o lies in scope and exists on day".
func orgScope(scope hezuo.Scope, day hezuo.Date) *where {
	w := &where{}
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w.addPair(orgActive("o", day))
	return w
}
