package sqldb

import (
	"context"
	"strings"

	"hezuo"
	"hezuo/store"
)

// The web application's reads of assistance (包村联户 and 结对帮扶, issue 5).
// Party members are shown by name and linked to /people/{id}; households
// keep no ID numbers.

// unitPairingAccess is "pairing up may be seen by a": for division roles a
// pairing whose org or village lies in their scope (where stats counts
// it); for roles bound to orgs, a pairing with an org they may see.
func unitPairingAccess(a *hezuo.Access, day hezuo.Date) *where {
	w := &where{}
	if a != nil && a.ByDivision() {
		return w.add("coalesce(o.village, up.village) BETWEEN ? AND ?", scopeArgs(a.Scope)...)
	}
	vis, va := visibleOrgIDs(a, day)
	return w.add("up.org_id IN ("+vis+")", va...)
}

// householdPairingAccess is "pairing hp may be seen by a": for division
// roles a household living in their scope (where stats counts it); for
// roles bound to orgs, a pairing by a member of an org they may see.
func householdPairingAccess(a *hezuo.Access, day hezuo.Date) *where {
	w := &where{}
	if a != nil && a.ByDivision() {
		return w.add("h.village BETWEEN ? AND ?", scopeArgs(a.Scope)...)
	}
	vis, va := visibleOrgIDs(a, day)
	return w.add("hp.org_id IN ("+vis+")", va...)
}

const unitPairingFrom = `FROM unit_pairings up JOIN units u ON u.id = up.unit_id LEFT JOIN orgs o ON o.id = up.org_id
	LEFT JOIN divisions v ON v.code = coalesce(o.village, up.village)
	LEFT JOIN divisions t ON t.code = substr(coalesce(o.village, up.village), 1, 9) || '000'`

var unitPairingSorts = map[string]string{"unit": "u.name", "target": "coalesce(o.village, up.village)", "from": "up.valid_from", "to": "up.valid_to"}

// ListUnitPairings returns one page of the 包村联户 pairings a may see that
// the filter selects, and their number.
func (db *DB) ListUnitPairings(ctx context.Context, a *hezuo.Access, f store.AssistanceFilter, today hezuo.Date) ([]store.UnitPairingRow, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	day := dayOr(f.Day, today)
	w := unitPairingAccess(a, day)
	w.add("coalesce(o.village, up.village) BETWEEN ? AND ?", scopeArgs(scope)...)
	if f.Active {
		w.addPair(active("up", day))
	}
	w.like(strings.TrimSpace(f.Q), "u.name", "u.code", "o.name", "o.org_no", "v.name")
	total, err := db.countWhere(ctx, unitPairingFrom, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	out := []store.UnitPairingRow{}
	err = db.eachRow(ctx, `SELECT up.id, u.code, u.name, coalesce(o.org_no, ''), coalesce(o.name, ''), coalesce(o.village, up.village),
		coalesce(v.name, ''), coalesce(t.name, ''), up.note, up.valid_from, up.valid_to `+unitPairingFrom+` WHERE `+w.String()+
		orderBy(unitPairingSorts, f.Sort, "unit", "up.id")+` LIMIT ? OFFSET ?`, append(w.args, per, off), func(r rowScanner) error {
		var p store.UnitPairingRow
		err := r.Scan(&p.ID, &p.UnitCode, &p.UnitName, &p.OrgNo, &p.OrgName, &p.Village, &p.VillageName, &p.TownshipName, &p.Note, &p.From, &p.To)
		p.Active = hezuo.Period{From: p.From, To: p.To}.ActiveOn(day)
		out = append(out, p)
		return err
	})
	return out, total, err
}

const householdPairingFrom = `FROM household_pairings hp JOIN households h ON h.id = hp.household_id
	JOIN people pe ON pe.id = hp.person_id LEFT JOIN orgs o ON o.id = hp.org_id
	LEFT JOIN divisions v ON v.code = h.village`

var householdPairingSorts = map[string]string{"household": "h.no", "member": "pe.name", "village": "h.village", "from": "hp.valid_from",
	"left": "h.left_poverty_on"}

// ListHouseholdPairings returns one page of the 结对帮扶 pairings a may see
// that the filter selects, and their number.
func (db *DB) ListHouseholdPairings(ctx context.Context, a *hezuo.Access, f store.AssistanceFilter, today hezuo.Date) ([]store.HouseholdPairingRow, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	day := dayOr(f.Day, today)
	w := householdPairingAccess(a, day)
	w.add("h.village BETWEEN ? AND ?", scopeArgs(scope)...)
	if f.Active {
		w.addPair(active("hp", day))
	}
	w.like(strings.TrimSpace(f.Q), "h.no", "h.head", "pe.name", "o.name", "v.name")
	total, err := db.countWhere(ctx, householdPairingFrom, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	out := []store.HouseholdPairingRow{}
	err = db.eachRow(ctx, `SELECT hp.id, pe.id, pe.name, coalesce(o.org_no, ''), coalesce(o.name, ''), h.no, h.head, h.village,
		coalesce(v.name, ''), h.size, h.poverty, h.left_poverty_on, h.people_out, hp.help, hp.valid_from, hp.valid_to `+householdPairingFrom+
		` WHERE `+w.String()+orderBy(householdPairingSorts, f.Sort, "household", "hp.id")+` LIMIT ? OFFSET ?`, append(w.args, per, off),
		func(r rowScanner) error {
			var p store.HouseholdPairingRow
			err := r.Scan(&p.ID, &p.PersonID, &p.MemberName, &p.OrgNo, &p.OrgName, &p.Household, &p.Head, &p.Village, &p.VillageName,
				&p.Size, &p.Poverty, &p.LeftPovertyOn, &p.PeopleOut, &p.Help, &p.From, &p.To)
			p.Active = hezuo.Period{From: p.From, To: p.To}.ActiveOn(day)
			out = append(out, p)
			return err
		})
	return out, total, err
}

// AssistanceFigures returns the assistance figures of the requested scope
// on day for a: for division roles those of Stats (the same numbers
// `hezuo stats` prints); for roles bound to orgs the same counts over the
// pairings of their orgs.
func (db *DB) AssistanceFigures(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (hezuo.AssistanceStats, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return hezuo.AssistanceStats{}, err
	}
	if a.ByDivision() {
		st, err := db.Stats(ctx, scope, day)
		if err != nil {
			return hezuo.AssistanceStats{}, err
		}
		return st.Assistance, nil
	}
	var s hezuo.AssistanceStats
	vis, va := visibleOrgIDs(a, day)
	w := &where{}
	w.addPair(active("up", day))
	w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w.add("up.org_id IN ("+vis+")", va...)
	w.addPair(orgActive("o", day))
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(DISTINCT up.unit_id), count(DISTINCT up.org_id) FROM unit_pairings up
		JOIN orgs o ON o.id = up.org_id WHERE `+w.String()), w.args...).Scan(&s.Units, &s.OrgsAssisted); err != nil {
		return s, err
	}
	args := append(append([]any{}, va...), day, scopeArgs(scope)[0], scopeArgs(scope)[1])
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(DISTINCT hp.household_id) FROM household_pairings hp
		JOIN households h ON h.id = hp.household_id WHERE hp.org_id IN (`+vis+`) AND hp.valid_from <= ? AND h.village BETWEEN ? AND ?`),
		args...).Scan(&s.HouseholdsPaired); err != nil {
		return s, err
	}
	args = append(append([]any{}, scopeArgs(scope)...), day)
	args = append(args, va...)
	err = db.QueryRowContext(ctx, db.rebind(`SELECT count(*), coalesce(sum(h.people_out), 0) FROM households h
		WHERE h.village BETWEEN ? AND ? AND h.left_poverty_on <= ? AND EXISTS (SELECT 1 FROM household_pairings hp
			WHERE hp.household_id = h.id AND hp.valid_from <= h.left_poverty_on AND hp.org_id IN (`+vis+`))`), args...).Scan(
		&s.HouseholdsOut, &s.PeopleOutOfPoverty)
	return s, err
}

// Units returns the units of a's county or wider scope (the units a
// pairing form offers), in order of code.
func (db *DB) Units(ctx context.Context, a *hezuo.Access) ([]store.UnitChoice, error) {
	if a == nil || a.Role == "" {
		return nil, hezuo.Errorf(hezuo.EUNAUTHORIZED, "请先登录", "please sign in")
	}
	p := a.Scope.Prefix
	if len(p) > 6 {
		p = p[:6]
	}
	var out []store.UnitChoice
	err := db.eachRow(ctx, `SELECT code, name FROM units WHERE county LIKE ? ORDER BY code`, []any{p + "%"}, collect(&out, func(r rowScanner, u *store.UnitChoice) error {
		return r.Scan(&u.Code, &u.Name)
	}))
	return out, err
}
