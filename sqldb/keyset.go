package sqldb

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"hezuo"
)

// Keyset pagination (issue 7) of the org and people lists: the page after
// (or before) a row is read as "the rows past that row's sort value and
// tie-break key, in the list's order", an index range instead of an OFFSET
// that reads and drops every earlier row. A cursor carries the sort key and
// that row's two values; the first pages may still be read by number.

// sortCol is a sortable column of a list: its SQL expression and the type of
// its values in a cursor ('t' text, 'i' integer, 'd' date).
type sortCol struct {
	expr string
	kind byte
}

// listOrder is the order of one list request, the same for pages read by
// number and by cursor: the sorted column, then the unique tie-break
// column, both ascending or both descending (so that one row comparison
// seeks past a row).
type listOrder struct {
	key      string // the sort key as requested, "-" prefix when descending
	col, tie sortCol
	desc     bool
	single   bool // the sorted column is the tie-break column
}

// newListOrder returns the order of the sort key (def when unknown).
func newListOrder(sorts map[string]sortCol, key, def string, tie sortCol) listOrder {
	desc := strings.HasPrefix(key, "-")
	col, ok := sorts[strings.TrimPrefix(key, "-")]
	if !ok {
		key, desc, col = def, false, sorts[def]
	}
	return listOrder{key: key, col: col, tie: tie, desc: desc, single: col.expr == tie.expr}
}

// orderBy is the ORDER BY clause, reversed for reading backwards.
func (o listOrder) orderBy(reverse bool) string {
	dir := ""
	if o.desc != reverse {
		dir = " DESC"
	}
	if o.single {
		return " ORDER BY " + o.tie.expr + dir
	}
	return " ORDER BY " + o.col.expr + dir + ", " + o.tie.expr + dir
}

// cursorJSON is a cursor's content.
type cursorJSON struct {
	Sort  string `json:"s"`
	Value string `json:"v"`
	Tie   string `json:"k"`
}

// cursor returns the cursor of a row whose sorted value is v and tie-break
// key tie.
func (o listOrder) cursor(v, tie string) string {
	b, _ := json.Marshal(cursorJSON{o.key, v, tie})
	return base64.RawURLEncoding.EncodeToString(b)
}

// seek adds to w the condition "past the row of cursor c" (after it, or
// before it when before is set) in this order. It reports false, adding
// nothing, when c is not a cursor of this order (another sort, or damaged):
// the page is then read by number.
func (o listOrder) seek(w *where, c string, before bool) bool {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return false
	}
	var cj cursorJSON
	if json.Unmarshal(b, &cj) != nil || cj.Sort != o.key {
		return false
	}
	v, ok := cursorArg(o.col.kind, cj.Value)
	tie, ok2 := cursorArg(o.tie.kind, cj.Tie)
	if !ok || !ok2 {
		return false
	}
	op := ">"
	if o.desc != before {
		op = "<"
	}
	if o.single {
		w.add(o.tie.expr+" "+op+" ?", tie)
	} else {
		w.add("("+o.col.expr+", "+o.tie.expr+") "+op+" (?, ?)", v, tie)
	}
	return true
}

// cursorArg converts a cursor's value to a query argument of its column's type.
func cursorArg(kind byte, s string) (any, bool) {
	switch kind {
	case 'i':
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil
	case 'd':
		d, err := hezuo.ParseDate(s)
		return d, err == nil && !d.IsZero()
	}
	return s, true
}

// listPage is how one page of a list is read: by cursor (seek) or by
// number (offset), per rows, plus one to learn whether more follow.
type listPage struct {
	order    listOrder
	per, off int
	before   bool // reading backwards from a cursor
	seeked   bool
}

// newListPage adds the cursor's condition to w when the filter has a
// cursor of this order, else reads page number page.
func newListPage(w *where, order listOrder, after, before string, page, perPage int) *listPage {
	p := &listPage{order: order}
	p.per, p.off = pageBounds(page, perPage)
	switch {
	case after != "" && order.seek(w, after, false):
		p.seeked, p.off = true, 0
	case before != "" && order.seek(w, before, true):
		p.seeked, p.before, p.off = true, true, 0
	}
	return p
}

// tail is the ORDER BY … LIMIT … OFFSET … of the page's query and its arguments.
func (p *listPage) tail() (string, []any) {
	return p.order.orderBy(p.before) + ` LIMIT ? OFFSET ?`, []any{p.per + 1, p.off}
}

// trim cuts the one extra row read, puts a backward page in list order, and
// returns whether rows exist before and after the page.
func trim[T any](p *listPage, items []T) ([]T, bool, bool) {
	more := len(items) > p.per
	if more {
		items = items[:p.per]
	}
	if p.before {
		slices.Reverse(items)
		return items, more, true
	}
	return items, p.seeked || p.off > 0, more
}
