package sqldb

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"

	"hezuo"
)

// A kind is what the shared machinery needs of one record kind of
// hezuo.Dataset: Load's step (by rank), Dump's query, Import's audit and
// the store's own scope check of an import (reach). Each kind registers
// itself from its own file with addKind, as database/sql drivers do, and
// the shared files loop over the registry: a new kind touches none of
// them. TestEveryKindRegistered fails on a list of Dataset without a kind,
// or a kind without one of its parts (or a reason in none).
type kind struct {
	field string // its list in hezuo.Dataset ("Loans"); "" for a Load step alone (a check)
	// rank orders Load's steps, lowest first: a kind ranks above the kinds
	// its records refer to (units before pairings, loans before repayments).
	rank     int
	platform bool // dumped by DumpPlatforms, not Dump; read by auditBefore after the registry
	load     func(*platformLoader, *hezuo.Dataset) error
	dump     func(*dumping) error // appends the records of the scope, ordered by key
	audit    func(rows []auditRow, ds, have *hezuo.Dataset, p *auditPlaces) []auditRow
	reach    func(*hezuo.Dataset, *reachRefs) // the codes its records give and the keys they refer to

	// Optional parts.
	// probe adds to auditBefore's probe the stored records to read: those
	// its records replace, and what places them (plain: importer.plain).
	probe  func(ds, probe *hezuo.Dataset, plain bool)
	places func(d *hezuo.Dataset, p *auditPlaces)                           // the places its records give (stored, then written)
	placed func(l *importer, ds, have *hezuo.Dataset, p *auditPlaces) error // then those it gives others (a guarantor by unit)
	late   func(ds *hezuo.Dataset, r *reachRefs)                            // keys placed only after the writes (loans)

	none map[string]string // why a part above is not needed: "reach" → the reason
}

// placeKind is how the store locates one kind of stored record (db.Places;
// a kind's file registers it with addPlace): its queries select a key and
// a division code for keys in `IN (%s)`.
type placeKind struct {
	name       string // in messages ("贷款")
	queries    []string
	byIDNumber bool // keys are ID numbers, matched by keyed hash
}

var (
	kinds      []*kind                   // by rank
	placeKinds = map[string]*placeKind{} // by the place kind ("loan")
	kindFields = map[string]bool{}
)

// addKind registers k (from its own file: `var _ = addKind(kind{…},
// records[T]{…})`), with the parts rs give it. A list or rank registered
// twice is a programming error.
func addKind(k kind, rs ...interface{ into(*kind) }) bool {
	for _, r := range rs {
		r.into(&k)
	}
	if k.field != "" && kindFields[k.field] {
		panic("sqldb: kind " + k.field + " registered twice")
	}
	for _, o := range kinds {
		if o.rank == k.rank {
			panic(fmt.Sprintf("sqldb: kinds %s and %s share rank %d", o.field, k.field, k.rank))
		}
	}
	kindFields[k.field] = true
	kinds = append(kinds, &k)
	slices.SortFunc(kinds, func(a, b *kind) int { return cmp.Compare(a.rank, b.rank) })
	return true
}

// count returns how many records of k ds holds (0 for a kind of no list).
func (k *kind) count(ds *hezuo.Dataset) int {
	if f := reflect.ValueOf(ds).Elem().FieldByName(k.field); f.IsValid() && (f.Kind() == reflect.Slice || f.Kind() == reflect.Map) {
		return f.Len()
	}
	return 0
}

// dumping is one Dump's reading: through x, of scope.
type dumping struct {
	db       *DB
	ctx      context.Context
	x        execQuerier // nil: the database's readers (db.eachRow)
	sa       []any       // the scope's bounds (scopeArgs)
	lo6, hi6 string
	ds       *hezuo.Dataset
}

func (db *DB) newDumping(ctx context.Context, x execQuerier, scope hezuo.Scope, ds *hezuo.Dataset) *dumping {
	d := &dumping{db: db, ctx: ctx, x: x, sa: scopeArgs(scope), ds: ds}
	d.lo6, d.hi6 = countyRange(scope)
	return d
}

// rows calls scan for every row of q.
func (d *dumping) rows(q string, args []any, scan func(rowScanner) error) error {
	if d.x == nil {
		return d.db.eachRow(d.ctx, q, args, scan)
	}
	return d.db.eachRowOn(d.ctx, d.x, q, args, scan)
}

// run runs the dump steps of the kinds platform says, in rank order.
func (d *dumping) run(platform bool) error {
	for _, k := range kinds {
		if k.platform == platform && k.dump != nil {
			if err := k.dump(d); err != nil {
				return err
			}
		}
	}
	d.ds.SortByIDNumber() // by ID number, opened
	return nil
}

// addPlace registers how db.Places locates the stored records of a place
// kind ("loan"); twice is a programming error.
func addPlace(name string, pk *placeKind) bool {
	if placeKinds[name] != nil {
		panic("sqldb: place kind " + name + " registered twice")
	}
	placeKinds[name] = pk
	return true
}

// records are a kind's parts that go record by record, typed: its list of
// a Dataset, its audit entries (as auditSpec, show given the places), and
// per record the codes and keys it gives the reach, the places it gives
// the audit, the stored records auditBefore reads for it, and its late
// keys.
type records[T any] struct {
	list   func(*hezuo.Dataset) []T
	entity string // the audit entries': as the forms name it ("" for none)
	keys   func(*T) []string
	show   func(*T, *auditPlaces) (string, string)
	view   func(T) any
	reach  func(*T, *reachRefs)
	places func(*T, *auditPlaces)
	probe  func(x *T, probe *hezuo.Dataset)
	late   func(*T, *reachRefs)
}

// into sets k's parts from rs's.
func (rs records[T]) into(k *kind) {
	each := func(ds *hezuo.Dataset, fn func(*T)) {
		xs := rs.list(ds)
		for i := range xs {
			fn(&xs[i])
		}
	}
	if rs.entity != "" {
		k.audit = func(rows []auditRow, ds, have *hezuo.Dataset, p *auditPlaces) []auditRow {
			spec := auditSpec[T]{entity: rs.entity, keys: rs.keys, view: rs.view,
				show: func(x *T) (string, string) { return rs.show(x, p) }}
			return auditCollect(rows, spec, rs.list(ds), rs.list(have))
		}
	}
	if rs.reach != nil {
		k.reach = func(ds *hezuo.Dataset, r *reachRefs) { each(ds, func(x *T) { rs.reach(x, r) }) }
	}
	if rs.places != nil {
		k.places = func(ds *hezuo.Dataset, p *auditPlaces) { each(ds, func(x *T) { rs.places(x, p) }) }
	}
	if rs.probe != nil {
		k.probe = func(ds, probe *hezuo.Dataset, _ bool) { each(ds, func(x *T) { rs.probe(x, probe) }) }
	}
	if rs.late != nil {
		k.late = func(ds *hezuo.Dataset, r *reachRefs) { each(ds, func(x *T) { rs.late(x, r) }) }
	}
}
