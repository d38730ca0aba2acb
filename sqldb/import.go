package sqldb

import (
	"context"
	"strings"

	"hezuo"
	"hezuo/sqldb/internal/sqlx"
)

// inChunk is how many keys one `IN (…)` query carries.
const inChunk = 500

// eachIn runs q (holding one `IN (%s)`) for keys in chunks, with args before
// the keys, calling fn for every row.
func (db *DB) eachIn(ctx context.Context, q string, keys []any, fn func(rowScanner) error) error {
	return db.eachInOn(ctx, db.conn, q, keys, fn)
}

// eachInOn is eachIn through x (a transaction, or the database).
func (db *DB) eachInOn(ctx context.Context, x execQuerier, q string, keys []any, fn func(rowScanner) error) error {
	for len(keys) > 0 {
		n := min(len(keys), inChunk)
		ph := strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
		if err := db.eachRowOn(ctx, x, strings.Replace(q, "%s", ph, 1), keys[:n], fn); err != nil {
			return err
		}
		keys = keys[n:]
	}
	return nil
}

// keySet collects distinct non-empty keys in first-seen order.
type keySet struct {
	seen map[string]bool
	list []any
}

func (k *keySet) add(vs ...string) {
	if k.seen == nil {
		k.seen = map[string]bool{}
	}
	for _, v := range vs {
		if v != "" && !k.seen[v] {
			k.seen[v] = true
			k.list = append(k.list, v)
		}
	}
}

// ids returns database ids as query arguments.
func ids(list []int64) []any {
	out := make([]any, len(list))
	for i, id := range list {
		out[i] = id
	}
	return out
}

// Existing returns the stored records that share a natural key with a
// record of probe or that probe's records refer to: divisions (by code, and
// the villages, seats and townships referred to), orgs (by 组织编号 or
// credit code, and those referred to), people (by ID number, and those
// referred to) with all their memberships (ID set), party status steps (ID
// set) and, when probe holds instructors or dispatches, their instructor
// entries and dispatches; and party organizations (by number, and those
// referred to) with, when probe holds officers, every post of them. An
// import compares its rows with them.
func (db *DB) Existing(ctx context.Context, probe *hezuo.Dataset) (*hezuo.Dataset, error) {
	return db.existing(ctx, db.conn, probe)
}

// existing is Existing read through x (an import's transaction reads what
// it replaces, import_audit.go).
func (db *DB) existing(ctx context.Context, x execQuerier, probe *hezuo.Dataset) (*hezuo.Dataset, error) {
	var divs, orgs, codes, people, pos keySet
	for _, d := range probe.Divisions {
		if c, err := hezuo.NormalizeDivisionCode(d.Code); err == nil {
			divs.add(c)
		}
	}
	for _, o := range probe.Orgs {
		divs.add(o.AllVillages()...)
		orgs.add(o.OrgNo)
		codes.add(o.CreditCode)
	}
	for _, p := range probe.People {
		divs.add(p.Village)
		people.add(p.IDNumber)
	}
	for _, p := range probe.PartyOrgs {
		divs.add(p.Seat)
		divs.add(p.Villages...)
		orgs.add(p.Orgs...)
		pos.add(p.No, p.Parent, p.Manager)
	}
	for _, m := range probe.Memberships {
		people.add(m.IDNumber)
		orgs.add(m.OrgNo)
	}
	for _, s := range probe.PartyStatus {
		people.add(s.IDNumber)
		pos.add(s.HomePartyOrg)
	}
	for _, o := range probe.Officers {
		people.add(o.IDNumber)
		pos.add(o.PartyOrg)
	}
	for _, in := range probe.Instructors {
		people.add(in.IDNumber)
		if len(in.Township) == 9 {
			divs.add(in.Township + "000")
		}
	}
	for _, d := range probe.Dispatches {
		people.add(d.IDNumber)
		orgs.add(d.OrgNo)
	}
	ds := &hezuo.Dataset{}
	err := db.eachInOn(ctx, x, `SELECT code, name FROM divisions WHERE code IN (%s) ORDER BY code`, divs.list, func(r rowScanner) error {
		var d hezuo.Division
		err := r.Scan(&d.Code, &d.Name)
		ds.Divisions = append(ds.Divisions, d)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := db.existingOrgs(ctx, x, orgs.list, codes.list, ds); err != nil {
		return nil, err
	}
	if err := db.existingPeople(ctx, x, people.list, len(probe.Instructors)+len(probe.Dispatches) > 0, ds); err != nil {
		return nil, err
	}
	if err := db.existingPartyOrgs(ctx, x, pos.list, ds); err != nil {
		return nil, err
	}
	if len(probe.Officers) > 0 {
		poIDs := make([]int64, len(ds.PartyOrgs))
		for i, p := range ds.PartyOrgs {
			poIDs[i] = p.ID
		}
		var err error
		if ds.Officers, err = db.postsOf(ctx, db, poIDs); err != nil {
			return nil, err
		}
	}
	return ds, nil
}

const orgColumns = `id, org_no, name, kind, registered_on, coalesce(credit_code, ''), village, industry, households_driven,
	model, model_note, founded, dissolved`

func (db *DB) existingOrgs(ctx context.Context, x execQuerier, nos, codes []any, ds *hezuo.Dataset) error {
	idx := map[int64]int{}
	scan := func(r rowScanner) error {
		var o hezuo.Org
		if err := r.Scan(&o.ID, &o.OrgNo, &o.Name, &o.Kind, &o.RegisteredOn, &o.CreditCode, &o.Village, &o.Industry,
			&o.HouseholdsDriven, &o.Model, &o.ModelNote, &o.Founded, &o.Dissolved); err != nil {
			return err
		}
		if _, dup := idx[o.ID]; !dup {
			idx[o.ID] = len(ds.Orgs)
			ds.Orgs = append(ds.Orgs, o)
		}
		return nil
	}
	if err := db.eachInOn(ctx, x, `SELECT `+orgColumns+` FROM orgs WHERE org_no IN (%s)`, nos, scan); err != nil {
		return err
	}
	if err := db.eachInOn(ctx, x, `SELECT `+orgColumns+` FROM orgs WHERE credit_code IN (%s)`, codes, scan); err != nil {
		return err
	}
	var orgIDs []int64
	for _, o := range ds.Orgs {
		orgIDs = append(orgIDs, o.ID)
	}
	return db.eachInOn(ctx, x, `SELECT org_id, village FROM org_villages WHERE org_id IN (%s) ORDER BY org_id, village`, ids(orgIDs), sqlx.Keyed(func(id int64, v string) {
		if o := &ds.Orgs[idx[id]]; v != o.Village {
			o.Villages = append(o.Villages, v)
		}
	}))
}
