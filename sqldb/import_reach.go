package sqldb

import (
	"context"
	"fmt"

	"hezuo"
)

// Kinds of record Places locates; the same names as xlsx's Ref kinds (the
// store does not import xlsx: plain strings keep the dependency one way).
const (
	placeOrg      = "org"
	placePartyOrg = "party_org"
	placeLoan     = "loan"
	placeHouse    = "household"
	placeTraining = "training"
	placePerson   = "person"
)

// placeQueries select, per kind of record, its key and the division codes
// where it lies, for keys in `IN (%s)`.
var placeQueries = map[string][]string{
	placeOrg:      {`SELECT org_no, village FROM orgs WHERE org_no IN (%s)`},
	placePartyOrg: {`SELECT no, seat FROM party_orgs WHERE no IN (%s)`},
	placeLoan:     {`SELECT no, village FROM loans WHERE no IN (%s)`},
	placeHouse:    {`SELECT no, village FROM households WHERE no IN (%s)`},
	placeTraining: {`SELECT no, place FROM trainings WHERE no IN (%s)`},
	placePerson: {`SELECT id_hash, village FROM people WHERE village IS NOT NULL AND id_hash IN (%s)`,
		`SELECT p.id_hash, o.village FROM memberships m JOIN people p ON p.id = m.person_id JOIN orgs o ON o.id = m.org_id
			WHERE p.id_hash IN (%s)`},
}

// Places returns, for the keys of records of one kind ("org", "person",
// "party_org", "loan", "household", "training"), the division codes where
// the stored ones lie (see xlsx.ScopeStore): an org's home village, a party
// organization's seat, a loan's division, a household's village, a
// training's place, and a person's home village with the home villages of
// the orgs of all their memberships. Keys of no stored record are left out.
func (db *DB) Places(ctx context.Context, kind string, keys []string) (map[string][]string, error) {
	qs, ok := placeQueries[kind]
	if !ok {
		return nil, fmt.Errorf("places: unknown kind %q", kind)
	}
	var set keySet
	set.add(keys...)
	out := map[string][]string{}
	for _, q := range qs {
		each := db.eachIn
		if kind == placePerson {
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
// township officer's records that lie outside the township: the store's
// own check behind the row-by-row one of the xlsx plan.
func (db *DB) importReach(ctx context.Context, a *hezuo.Access, ds *hezuo.Dataset) error {
	if a == nil || !a.CanWrite() {
		return hezuo.Errorf(hezuo.EFORBIDDEN, "您的角色不能导入数据", "your role cannot import data")
	}
	if a.Role == hezuo.RoleCountyAdmin {
		return nil
	}
	var codes []string
	refs := map[string][]string{} // kind → keys
	ref := func(kind, key string) {
		if key != "" {
			refs[kind] = append(refs[kind], key)
		}
	}
	for _, d := range ds.Divisions {
		codes = append(codes, d.Code)
	}
	for _, o := range ds.Orgs {
		codes = append(codes, o.Village)
		ref(placeOrg, o.OrgNo)
	}
	for _, m := range ds.Memberships {
		ref(placeOrg, m.OrgNo)
	}
	for _, d := range ds.Dispatches {
		ref(placeOrg, d.OrgNo)
	}
	for _, o := range ds.Officers {
		ref(placePartyOrg, o.PartyOrg)
		ref(placePerson, o.IDNumber)
	}
	for _, in := range ds.Instructors {
		codes = append(codes, in.Township)
	}
	for _, p := range ds.PartyOrgs {
		codes = append(codes, p.Seat)
		ref(placePartyOrg, p.No)
	}
	for _, h := range ds.Households {
		codes = append(codes, h.Village)
	}
	for _, t := range ds.Trainings {
		codes = append(codes, t.Place)
	}
	for _, t := range ds.TrainingAttendances {
		ref(placeTraining, t.Training)
	}
	for _, l := range ds.Loans {
		ref(placeLoan, l.No)
		ref(placeOrg, l.OrgNo)
		ref(placePartyOrg, l.PartyOrg)
	}
	for _, r := range ds.Repayments {
		ref(placeLoan, r.LoanNo)
	}
	for _, g := range ds.Guarantees {
		ref(placeLoan, g.LoanNo)
	}
	for _, p := range ds.UnitPairings {
		codes = append(codes, p.Village)
		ref(placeOrg, p.OrgNo)
	}
	for _, p := range ds.HouseholdPairings {
		ref(placeHouse, p.Household)
	}
	for _, m := range ds.Meetings {
		ref(placePartyOrg, m.PartyOrg)
	}
	for _, m := range ds.MeetingAttendances {
		ref(placePartyOrg, m.PartyOrg)
	}
	for _, c := range ds.Commitments {
		ref(placePartyOrg, c.PartyOrg)
	}
	for _, c := range ds.ContactLinks {
		ref(placeHouse, c.Household)
	}
	for _, v := range ds.ContactVisits {
		ref(placeHouse, v.Household)
	}
	outside := func(what string) error {
		return &hezuo.Error{Code: hezuo.EFORBIDDEN, ZH: fmt.Sprintf("%s 不在您的管辖范围内（%s）", what, a.Scope),
			EN: fmt.Sprintf("%s lies outside your scope (%s)", what, a.Scope)}
	}
	for _, c := range codes {
		if c != "" && !a.Scope.Contains(c) {
			return outside(c)
		}
	}
	for kind, keys := range refs {
		places, err := db.Places(ctx, kind, keys)
		if err != nil {
			return err
		}
		for _, k := range keys {
			at := places[k]
			in := len(at) == 0 // a new record: its own divisions were checked above
			for _, c := range at {
				in = in || a.Scope.Contains(c)
			}
			if !in {
				return outside(kind + " " + k)
			}
		}
	}
	return nil
}
