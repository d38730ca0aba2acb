package xlsx

import (
	"fmt"

	"hezuo"
)

// spec is what turns a KIND's rows into records of type R (a record, or a
// struct of the records one row carries) and them into what an import
// writes. Parse calls read on each row, then the duplicate and group
// checks, then after; a row that passes them all is kept for the plan.
type spec[R any] struct {
	// read converts a row; false when the row has a problem (recorded in r).
	read func(r *rowCtx) (R, bool)
	// dups are the keys no two rows of a file may share.
	dups []dupKey[R]
	// group names the rows that must agree with the earlier rows of their
	// group (clash reports, and records, a row that does not); nil for none.
	group func(R) string
	clash func(r *rowCtx, earlier row[R], rec R) bool
	// after checks what only a row that is no duplicate is checked for.
	after func(r *rowCtx, rec *R) bool
	// probe adds what Records.Existing must return for rec (nil: nothing).
	probe func(ds *hezuo.Dataset, rec R)
	// refs are the records rec refers to, for the township officer's scope.
	refs func(rec R) []colRef
	// plan compares the rows with the stored records: counts, problems and
	// the records to write.
	plan func(b *Batch, have *hezuo.Dataset, rows []row[R]) *Plan
	// export is a dump's rows, in the columns' order.
	export func(ds *hezuo.Dataset, today hezuo.Date) [][]any
}

// dupKey is a key no two rows may share: the column a duplicate is named
// in and the message, whose %d is the earlier row's number. A record whose
// key is "" is not checked.
type dupKey[R any] struct {
	col, zh, en string
	key         func(R) string
}

// row is a record read from the spreadsheet row num.
type row[R any] struct {
	num int
	rec R
}

// kindOf completes s with the row converter and export of sp.
func kindOf[R any](s *Schema, sp spec[R]) *Schema {
	s.rows = func() kindRows { return &rowsOf[R]{sp: &sp, seen: make([]map[string]int, len(sp.dups))} }
	s.export = sp.export
	return s
}

// rowsOf collects the rows of one file of a spec's KIND.
type rowsOf[R any] struct {
	sp     *spec[R]
	rows   []row[R]
	seen   []map[string]int // per dupKey: key → row number
	groups map[string][]int // group → indexes in rows
}

func (rs *rowsOf[R]) add(r *rowCtx) {
	rec, ok := rs.sp.read(r)
	if !ok || r.bad {
		return
	}
	var g string
	if rs.sp.group != nil {
		g = rs.sp.group(rec)
		for _, i := range rs.groups[g] {
			if rs.sp.clash(r, rs.rows[i], rec) {
				return
			}
		}
	}
	keys := make([]string, len(rs.sp.dups))
	for i, d := range rs.sp.dups {
		if keys[i] = d.key(rec); keys[i] == "" {
			continue
		}
		if first, dup := rs.seen[i][keys[i]]; dup {
			r.fail(d.col, fmt.Sprintf(d.zh, first), fmt.Sprintf(d.en, first))
			return
		}
	}
	for i, k := range keys {
		if k == "" {
			continue
		}
		if rs.seen[i] == nil {
			rs.seen[i] = map[string]int{}
		}
		rs.seen[i][k] = r.num
	}
	if rs.sp.after != nil && !rs.sp.after(r, &rec) {
		return
	}
	if rs.sp.group != nil {
		if rs.groups == nil {
			rs.groups = map[string][]int{}
		}
		rs.groups[g] = append(rs.groups[g], len(rs.rows))
	}
	rs.rows = append(rs.rows, row[R]{num: r.num, rec: rec})
}

func (rs *rowsOf[R]) finish(*Batch) {}

func (rs *rowsOf[R]) probe() *hezuo.Dataset {
	ds := &hezuo.Dataset{}
	if rs.sp.probe != nil {
		for _, row := range rs.rows {
			rs.sp.probe(ds, row.rec)
		}
	}
	return ds
}

func (rs *rowsOf[R]) refs() []rowRefs {
	out := make([]rowRefs, len(rs.rows))
	for i, row := range rs.rows {
		out[i] = rowRefs{num: row.num, refs: rs.sp.refs(row.rec)}
	}
	return out
}

func (rs *rowsOf[R]) plan(b *Batch, have *hezuo.Dataset) *Plan { return rs.sp.plan(b, have, rs.rows) }

// refsTo builds a row's references from column, kind and key triples.
func refsTo(triples ...string) []colRef {
	out := make([]colRef, 0, len(triples)/3)
	for i := 0; i+2 < len(triples); i += 3 {
		out = append(out, colRef{key: triples[i], ref: Ref{Kind: triples[i+1], Key: triples[i+2]}})
	}
	return out
}

// indexBy maps each stored record's key to what a plan needs of it.
func indexBy[T, V any](xs []T, key func(*T) string, val func(*T) V) map[string]V {
	out := make(map[string]V, len(xs))
	for i := range xs {
		out[key(&xs[i])] = val(&xs[i])
	}
	return out
}

// keyed returns the stored records by key.
func keyed[T any](xs []T, key func(T) string) map[string]T {
	return indexBy(xs, func(x *T) string { return key(*x) }, func(x *T) T { return *x })
}

// byKey returns pointers to the stored records by key, for a plan that
// reads a stored record in place.
func byKey[T any](xs []T, key func(*T) string) map[string]*T {
	return indexBy(xs, key, func(x *T) *T { return x })
}

// keysOf returns the keys of the stored records.
func keysOf[T any](xs []T, key func(T) string) map[string]bool {
	return indexBy(xs, func(x *T) string { return key(*x) }, func(*T) bool { return true })
}

// put counts a row's record as new, changed or unchanged and adds it to
// the records to write when it is new or changed.
func put[T any](p *Plan, write *[]T, rec T, exists, changed bool) {
	if !exists || changed {
		*write = append(*write, rec)
	}
	p.count(!exists, changed)
}

// table is an export's rows: one per record, none where row returns nil.
func table[T any](xs []T, row func(T) []any) [][]any {
	out := make([][]any, 0, len(xs))
	for _, x := range xs {
		if r := row(x); r != nil {
			out = append(out, r)
		}
	}
	return out
}

// The stored records a row's cells may name, by key.

func divisionSet(have *hezuo.Dataset) map[string]bool {
	return keysOf(have.Divisions, func(d hezuo.Division) string { return d.Code })
}

// villageSet maps the stored division codes to whether each is a village's.
func villageSet(have *hezuo.Dataset) map[string]bool {
	out := make(map[string]bool, len(have.Divisions))
	for _, d := range have.Divisions {
		out[d.Code] = hezuo.LevelOf(d.Code) == hezuo.LevelVillage
	}
	return out
}

func orgSet(have *hezuo.Dataset) map[string]bool {
	return keysOf(have.Orgs, func(o hezuo.Org) string { return o.OrgNo })
}

func partyOrgSet(have *hezuo.Dataset) map[string]bool {
	return keysOf(have.PartyOrgs, func(p hezuo.PartyOrg) string { return p.No })
}

func unitSet(have *hezuo.Dataset) map[string]bool {
	return keysOf(have.Units, func(u hezuo.Unit) string { return u.Code })
}

func personSet(have *hezuo.Dataset) map[string]bool {
	return keysOf(have.People, func(p hezuo.Person) string { return p.IDNumber })
}

// keep sets *v to the stored value when the file lacks the column (whose
// cells read as empty).
func keep[T any](b *Batch, key string, v *T, old T) {
	if !b.has(key) {
		*v = old
	}
}

// overlap reports whether two half-open periods share a day.
func overlap(a, b hezuo.Period) bool {
	return (a.To.IsZero() || b.From.Before(a.To)) && (b.To.IsZero() || a.From.Before(b.To))
}
