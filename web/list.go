package web

import (
	"context"
	"net/http"

	"hezuo"
)

// listSpec is one list of records (meetings, trainings, party
// organizations…) as its page, its .xlsx download and its API read it: the
// filter read from the query, the scoped store method reading one page of it
// with the list's total, the sort keys its column headers link, and the
// download's name and columns. One spec serves the three, so that they
// select the same rows the same way; a handler keeps only what its page adds.
type listSpec[F, T any] struct {
	filter func(r *http.Request) (F, error)
	// paging points at the filter's page number and page size.
	paging func(f *F) (page, per *int)
	fetch  func(ctx context.Context, a *hezuo.Access, f F, today hezuo.Date) ([]T, int, error)
	sorts  []string
	sheet[T]
}

// sheet is a list's download: name names the workbook (name.xlsx, one sheet
// of that name), cols are its headers (zh, en) and row a record's cells in
// a language.
type sheet[T any] struct {
	name string
	cols [][2]string
	row  func(lang string, it T) []any
}

// listPage is the page of a list a request asks for; views embed it, so
// that their templates read .F, .Items, .Pager and .Sorts.
type listPage[F, T any] struct {
	F     F
	Items []T
	Pager Pager
	Sorts map[string]string // sort key → URL
	total int
}

// page reads the request's filter and its page of the list.
func (l listSpec[F, T]) page(s *Server, r *http.Request) (listPage[F, T], error) {
	f, err := l.filter(r)
	if err != nil {
		return listPage[F, T]{}, err
	}
	return l.read(s, r, f)
}

// read reads the page of the list f asks for.
func (l listSpec[F, T]) read(s *Server, r *http.Request, f F) (listPage[F, T], error) {
	items, total, err := l.fetch(r.Context(), accessOf(r), f, s.today())
	n, _ := l.paging(&f)
	return listPage[F, T]{F: f, Items: items, total: total, Pager: pager(r, total, *n), Sorts: sortURLs(r, l.sorts...)}, err
}

// json is the page's rows for the API: an empty list, never null.
func (p listPage[F, T]) json() []T {
	if p.Items == nil {
		return []T{}
	}
	return p.Items
}

// download writes every row the request's filter selects (every page of
// it) as a workbook.
func (l listSpec[F, T]) download(s *Server, w http.ResponseWriter, r *http.Request) error {
	f, err := l.filter(r)
	if err != nil {
		return err
	}
	items, err := collect(func(n int) ([]T, int, error) {
		page, per := l.paging(&f)
		*page, *per = n, downloadPer
		return l.fetch(r.Context(), accessOf(r), f, s.today())
	})
	if err != nil {
		return err
	}
	return l.send(s, w, r, items)
}

// send writes items as the list's workbook, in the request's language.
func (l sheet[T]) send(s *Server, w http.ResponseWriter, r *http.Request, items []T) error {
	lang := langOf(r)
	rows := make([][]any, len(items))
	for i, it := range items {
		rows[i] = l.row(lang, it)
	}
	return s.sendXLSX(w, l.name+".xlsx", l.name, cols(lang, l.cols...), rows)
}

// sortURLs returns the list URL sorted by each key (sortURL), by key.
func sortURLs(r *http.Request, keys ...string) map[string]string {
	out := make(map[string]string, len(keys))
	for _, k := range keys {
		out[k] = sortURL(r, k)
	}
	return out
}

// byCursor is collect's page function over a list read by cursor (issue
// 7): each read starts after the last row of the one before (read's after,
// "" for the first), so that a download costs one page per page where page
// numbers (OFFSET) would make it quadratic. read returns a page's rows, the
// list's total and the cursor after the page ("" on the last page).
func byCursor[T any](read func(n int, after string) ([]T, int, string, error)) func(n int) ([]T, int, error) {
	after := ""
	return func(n int) ([]T, int, error) {
		items, total, next, err := read(n, after)
		if err != nil {
			return nil, 0, err
		}
		if after = next; next == "" {
			return items, n*downloadPer - downloadPer + len(items), nil // the last page
		}
		return items, total, nil
	}
}

// scopedRead reads the request's scope and as-of day (scopeDayParams) and
// one of the store's reads of a scope on a day (ScopedStats, ScopedCheck…).
func scopedRead[T any](r *http.Request, read func(context.Context, *hezuo.Access, hezuo.Scope, hezuo.Date) (T, error)) (T, hezuo.Date, error) {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		var zero T
		return zero, day, err
	}
	v, err := read(r.Context(), accessOf(r), sc, day)
	return v, day, err
}

// replyJSON answers v as JSON (200), or returns err for the API's error
// answer.
func replyJSON(w http.ResponseWriter, v any, err error) error {
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// byID reads the record the path's {id} names (idParam) through one of the
// store's reads by database id (GetMeeting, GetTraining…).
func byID[T any](s *Server, r *http.Request, get func(context.Context, *hezuo.Access, int64, hezuo.Date) (T, error)) (T, error) {
	id, err := idParam(r, "id")
	if err != nil {
		var zero T
		return zero, err
	}
	return get(r.Context(), accessOf(r), id, s.today())
}
