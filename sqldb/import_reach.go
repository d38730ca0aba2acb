package sqldb

import (
	"context"
	"fmt"

	"hezuo"
)

// Kinds of record Places locates (the platforms' in their kinds' files);
// the same names as xlsx's Ref kinds (the store does not import xlsx:
// plain strings keep the dependency one way).
const (
	placeOrg      = "org"
	placePartyOrg = "party_org"
	placePerson   = "person"
	placeInstr    = "instructor"
)

// The registry's place kinds; the platforms register theirs with their
// kinds (addKind).
var (
	_ = addPlace(placeOrg, &placeKind{name: "组织", queries: []string{`SELECT org_no, village FROM orgs WHERE org_no IN (%s)`}})
	_ = addPlace(placePartyOrg, &placeKind{name: "党组织", queries: []string{`SELECT no, seat FROM party_orgs WHERE no IN (%s)`}})
	// A person lies at the home village, or without one at the home
	// villages of the orgs of all their memberships (hezuo reach.go).
	_ = addPlace(placePerson, &placeKind{name: "人员", byIDNumber: true, queries: []string{
		`SELECT id_hash, village FROM people WHERE village IS NOT NULL AND id_hash IN (%s)`,
		`SELECT p.id_hash, o.village FROM memberships m JOIN people p ON p.id = m.person_id JOIN orgs o ON o.id = m.org_id
			WHERE p.village IS NULL AND p.id_hash IN (%s)`}})
	_ = addPlace(placeInstr, &placeKind{name: "指导员", byIDNumber: true, queries: []string{
		`SELECT p.id_hash, i.township || '000' FROM instructors i JOIN people p ON p.id = i.person_id WHERE p.id_hash IN (%s)`}})
)

// Places returns, for the keys of records of one kind ("org", "person",
// "instructor", "party_org", "loan", "household", "training"), the division
// codes where the stored ones lie (see xlsx.ScopeStore and hezuo reach.go):
// an org's home village, a party organization's seat, a loan's division, a
// household's village, a training's place, an instructor's township, and a
// person's home village, or without one the home villages of the orgs of
// all their memberships. Keys of no stored record are left out.
func (db *DB) Places(ctx context.Context, kind string, keys []string) (map[string][]string, error) {
	pk, ok := placeKinds[kind]
	if !ok {
		return nil, fmt.Errorf("places: unknown kind %q", kind)
	}
	var set keySet
	set.add(keys...)
	out := map[string][]string{}
	for _, q := range pk.queries {
		each := db.eachIn
		if pk.byIDNumber {
			each = db.eachIDNumberIn
		}
		err := each(ctx, q, set.list, func(r rowScanner) error {
			var key, code string
			err := r.Scan(&key, &code)
			out[key] = append(out[key], code)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eachIDNumberIn is eachIn for queries that select people by ID number
// (`id_hash IN (%s)`): the one place an import's new SQL matches ID
// numbers, so that a change in how they are stored changes it here.
func (db *DB) eachIDNumberIn(ctx context.Context, q string, idNumbers []any, fn func(rowScanner) error) error {
	// Matched by keyed hash; the first column (the hash) is scanned back as
	// the ID number (crypt.go).
	hashes, byHash := make([]any, len(idNumbers)), make(map[string]string, len(idNumbers))
	for i, n := range idNumbers {
		h := db.idHash(n.(string))
		hashes[i], byHash[h] = h, n.(string)
	}
	return db.eachIn(ctx, q, hashes, func(r rowScanner) error { return fn(hashKeyRow{r, byHash}) })
}

// importReach refuses an import by a role that cannot write, and a
// township officer's records that lie outside the township or refer to a
// stored record lying outside it (hezuo.Access.MayWriteAt, the one scope
// decision of every write): the store's own check behind the row-by-row one
// of the xlsx plan, so that no caller of Import escapes it.
func (db *DB) importReach(ctx context.Context, a *hezuo.Access, ds *hezuo.Dataset) error {
	if a == nil || !a.CanWrite() {
		return hezuo.Errorf(hezuo.EFORBIDDEN, "您的角色不能导入数据", "your role cannot import data")
	}
	if a.Role == hezuo.RoleCountyAdmin && a.Scope.Prefix == "" {
		return nil
	}
	if a.Role != hezuo.RoleCountyAdmin && len(ds.Units)+len(ds.Guarantors)+len(ds.Departments)+len(ds.Settings) > 0 {
		return hezuo.Errorf(hezuo.EFORBIDDEN, "单位、担保人、部门和设置只能由县委组织部管理员导入",
			"only county administrators import units, guarantors, departments and settings")
	}
	refs := datasetRefs(ds)
	for _, c := range refs.codes {
		if c != "" && !a.MayWriteAt([]string{c}) {
			return forbidden(hezuo.OutOfReach("区划 "+c, ""))
		}
	}
	for kind, keys := range refs.keys {
		places, err := db.Places(ctx, kind, keys)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if !a.MayWriteAt(places[k]) {
				key := k
				if placeKinds[kind].byIDNumber {
					key = hezuo.MaskIDNumber(k)
				}
				return forbidden(hezuo.OutOfReach(placeKinds[kind].name+" "+key, ""))
			}
		}
	}
	return nil
}

// reachRefs are the division codes a dataset's records give and the stored
// records (kind → keys) they create, change or refer to.
type reachRefs struct {
	codes []string
	keys  map[string][]string
}

// code adds division codes records give.
func (r *reachRefs) code(cs ...string) { r.codes = append(r.codes, cs...) }

// ref adds the keys (none for "") of stored records of a place kind that
// records create, change or refer to.
func (r *reachRefs) ref(kind string, keys ...string) {
	for _, k := range keys {
		if k != "" {
			r.keys[kind] = append(r.keys[kind], k)
		}
	}
}

// datasetRefs lists what every record of ds gives and refers to.
func datasetRefs(ds *hezuo.Dataset) *reachRefs {
	r := &reachRefs{keys: map[string][]string{}}
	for _, k := range kinds {
		if k.reach != nil {
			k.reach(ds, r)
		}
	}
	return r
}

// forbidden is e as the store's refusal of a whole import: EFORBIDDEN.
func forbidden(e *hezuo.Error) *hezuo.Error {
	e.Code = hezuo.EFORBIDDEN
	return e
}
