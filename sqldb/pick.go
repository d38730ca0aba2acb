package sqldb

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"hezuo"
	"hezuo/store"
)

// The forms' pickers (issue 18): a division, org, party organization or
// person found by part of its name, among the records the user may see —
// the same conditions as the lists (orgAccess, visiblePeople, the party
// organizations' reach) — at most PickLimit of them.

// Pick kinds.
const (
	PickDivision = "division"
	PickOrg      = "org"
	PickPartyOrg = "partyorg"
	PickPerson   = "person"
	// PickGuarantor: the registered guarantors (公职人员) of the user's
	// counties, who stand for loans anywhere in them.
	PickGuarantor = "guarantor"
	// PickUnit: the units (机关、企事业单位) of the user's counties, which
	// organize trainings and are paired with villages anywhere in them.
	PickUnit = "unit"
)

// Pick answers a picker. A Within outside a's scope is EFORBIDDEN, an
// unknown kind or a longer query EINVALID.
func (db *DB) Pick(ctx context.Context, a *hezuo.Access, pq store.PickQuery, today hezuo.Date) ([]store.PickItem, error) {
	q, code := strings.TrimSpace(pq.Q), strings.TrimSpace(pq.Code)
	if utf8.RuneCountInString(q) > store.PickMaxQuery || len(code) > 64 || len(pq.Level) > 16 {
		return nil, hezuo.Errorf(hezuo.EINVALID, "查询过长（至多 %d 个字）", "the query is too long (at most %d characters)", store.PickMaxQuery)
	}
	within, err := hezuo.ParseScope(pq.Within)
	if err != nil {
		return nil, err
	}
	scope, err := requestScope(a, within)
	if err != nil {
		return nil, err
	}
	out := []store.PickItem{}
	if q == "" && code == "" {
		return out, nil
	}
	// % and _ in a query match themselves.
	like := "%" + escapeLike(q) + "%"
	day := today
	var sel, order string
	var orderArgs []any
	w := &where{}
	var scan func(r rowScanner) (store.PickItem, error)
	switch pq.Kind {
	case PickDivision:
		sel = `SELECT dv.code, dv.name, dv.level, coalesce(t.name, '') FROM divisions dv
			LEFT JOIN divisions t ON dv.level = 'village' AND t.code = substr(dv.code, 1, 9) || '000'`
		w.add("dv.code BETWEEN ? AND ?", scopeArgs(scope)...)
		if pq.Level != "" {
			w.add("dv.level = ?", pq.Level)
		}
		if code != "" {
			c := code
			if sc, err := hezuo.ParseScope(code); err == nil && sc.Prefix != "" {
				c, _ = sc.Range()
			}
			w.add("dv.code = ?", c)
		} else {
			// A township's name finds it and its villages.
			w.add(`(dv.name LIKE ? ESCAPE '\' OR t.name LIKE ? ESCAPE '\' OR dv.code LIKE ? ESCAPE '\')`, like, like, escapeLike(q)+"%")
			order, orderArgs = ` ORDER BY CASE WHEN dv.name LIKE ? ESCAPE '\' THEN 0 ELSE 1 END, dv.code`, []any{like}
		}
		scan = func(r rowScanner) (store.PickItem, error) {
			var it store.PickItem
			var town string
			err := r.Scan(&it.Value, &it.Label, &it.Level, &town)
			it.Detail = hezuo.SignificantCode(it.Value)
			if town != "" {
				it.Detail = town + " · " + it.Detail
			}
			return it, err
		}
	case PickOrg:
		sel = `SELECT o.org_no, o.name, coalesce(dv.name, o.village) FROM orgs o LEFT JOIN divisions dv ON dv.code = o.village`
		w = orgAccess(a, day)
		w.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
		w.addPair(orgActive("o", day))
		order, scan = pickNamed(w, "o.org_no", "o.name", code, like, q), scanNamed
	case PickPartyOrg:
		sel = `SELECT p.no, p.name, coalesce(dv.name, p.seat) FROM party_orgs p LEFT JOIN divisions dv ON dv.code = p.seat`
		partyOrgsSeen(w, a, day)
		w.add("p.seat BETWEEN ? AND ?", scopeArgs(scope)...)
		w.addPair(active("p", day))
		order, scan = pickNamed(w, "p.no", "p.name", code, like, q), scanNamed
	case PickPerson:
		return db.pickPeople(ctx, a, scope, q, code, day)
	case PickGuarantor:
		return db.pickGuarantors(ctx, a, q, code, day)
	case PickUnit:
		if a == nil || a.Role == "" {
			return out, nil
		}
		sel = `SELECT u.code, u.name, coalesce(nullif(u.department, ''), dv.name, u.county) FROM units u
			LEFT JOIN divisions dv ON dv.code = u.county || '000000'`
		lo, hi := countyRange(a.Scope)
		w.add("u.county BETWEEN ? AND ?", lo, hi)
		order, scan = pickNamed(w, "u.code", "u.name", code, like, q), scanNamed
	default:
		return nil, hezuo.Errorf(hezuo.EINVALID, "未知的选择类型 %q", "unknown picker kind %q", pq.Kind)
	}
	err = db.eachRow(ctx, sel+` WHERE `+w.String()+order+` LIMIT ?`, append(append(w.args, orderArgs...), store.PickLimit), func(r rowScanner) error {
		it, err := scan(r)
		out = append(out, it)
		return err
	})
	return out, err
}

// pickNamed adds to w the condition of a pick among rows numbered by the
// column no and named by name: the number code, else a name containing
// like or a number starting with q; it returns the order of the latter.
func pickNamed(w *where, no, name, code, like, q string) (order string) {
	if code != "" {
		w.add(no+" = ?", code)
		return ""
	}
	w.add(`(`+name+` LIKE ? ESCAPE '\' OR `+no+` LIKE ? ESCAPE '\')`, like, escapeLike(q)+"%")
	return " ORDER BY " + name + ", " + no
}

// scanNamed reads a pickNamed row: number, name, and where (shown after
// the number).
func scanNamed(r rowScanner) (store.PickItem, error) {
	var it store.PickItem
	var where string
	err := r.Scan(&it.Value, &it.Label, &where)
	it.Detail = it.Value + " · " + where
	return it, err
}

// pickPeople finds the people a may see in scope by name: part of it
// inside a township (or for a role reaching a set of orgs), its beginning
// wider (the index on names drives the search, so a province is as quick);
// a whole ID number by its keyed hash, only for roles that see whole
// numbers (as the people list). Numbers are shown masked.
func (db *DB) pickPeople(ctx context.Context, a *hezuo.Access, scope hezuo.Scope, q, code string, day hezuo.Date) ([]store.PickItem, error) {
	w := &where{}
	w.addPair(visiblePeople(a, day))
	if scope != a.Scope {
		// A narrower request: residents of it.
		w.add("pe.village BETWEEN ? AND ?", scopeArgs(scope)...)
	}
	order := " ORDER BY pe.name, pe.id"
	decided, found := db.pickPersonByNumber(w, a, code, q, day)
	switch {
	case !found:
		return []store.PickItem{}, nil
	case decided: // by reference or whole number: w holds it
	case idTail.MatchString(q):
		return db.pickByTail(ctx, a, scope, w, strings.ToUpper(q))
	case len(scope.Prefix) >= 9 || !a.ByDivision():
		w.add(`pe.name LIKE ? ESCAPE '\'`, "%"+escapeLike(q)+"%")
	default:
		// The beginning of the name: a range of the index on names (exact
		// in a byte-order collation, as SQLite's and C.UTF-8; the LIKE keeps
		// every answer right in any other).
		w.add(`pe.name >= ? AND pe.name < ? AND pe.name LIKE ? ESCAPE '\'`, q, q+"\U0010FFFF", escapeLike(q)+"%")
	}
	out := []store.PickItem{}
	err := db.eachRow(ctx, `SELECT pe.id, pe.name, pe.id_sealed, coalesce(dv.name, pe.village, '') FROM people pe
		LEFT JOIN divisions dv ON dv.code = pe.village WHERE `+w.String()+order+` LIMIT ?`, append(w.args, store.PickLimit),
		func(r rowScanner) error {
			var id int64
			var it store.PickItem
			var number, village string
			if err := r.Scan(&id, &it.Label, db.opened(&number), &village); err != nil {
				return err
			}
			it.Value = "#" + itoa(id)
			it.Detail = hezuo.MaskIDNumber(number)
			if village != "" {
				it.Detail += " · " + village
			}
			out = append(out, it)
			return nil
		})
	return out, err
}

// pickGuarantors finds the registered guarantors of a's counties by name
// (a whole ID number by its keyed hash for the roles that see whole
// numbers); numbers masked, the unit beside.
func (db *DB) pickGuarantors(ctx context.Context, a *hezuo.Access, q, code string, day hezuo.Date) ([]store.PickItem, error) {
	out := []store.PickItem{}
	if a == nil || a.Role == "" {
		return out, nil
	}
	lo, hi := countyRange(a.Scope)
	w := (&where{}).add("g.county BETWEEN ? AND ?", lo, hi)
	if decided, found := db.pickPersonByNumber(w, a, code, q, day); !found {
		return out, nil
	} else if !decided {
		w.add(`pe.name LIKE ? ESCAPE '\'`, "%"+escapeLike(q)+"%")
	}
	err := db.eachRow(ctx, `SELECT pe.id, pe.name, pe.id_sealed, u.name, g.post FROM guarantors g JOIN people pe ON pe.id = g.person_id
		JOIN units u ON u.id = g.unit_id WHERE `+w.String()+` ORDER BY pe.name, pe.id LIMIT ?`, append(w.args, store.PickLimit),
		func(r rowScanner) error {
			var id int64
			var it store.PickItem
			var number, unit, post string
			if err := r.Scan(&id, &it.Label, db.opened(&number), &unit, &post); err != nil {
				return err
			}
			it.Value, it.Detail = "#"+itoa(id), hezuo.MaskIDNumber(number)+" · "+strings.TrimSpace(unit+" "+post)
			out = append(out, it)
			return nil
		})
	return out, err
}

// validID reports whether s is a whole, valid ID number on today.
func validID(s string, today hezuo.Date) bool {
	_, _, _, err := hezuo.ParseIDNumber(s, today)
	return err == nil
}

// idTail is what a picker takes for the end of an ID number: the four
// characters every masked number shows (hezuo.MaskIDNumber), so a search by
// them tells no one more than a list does.
var idTail = regexp.MustCompile(`^[0-9]{3}[0-9Xx]$`)

// PickTailScan bounds the people whose numbers a search by the end of an
// ID number opens: the numbers are sealed, so the search reads the people
// in reach and compares in Go — the residents of a county (a province's
// have up to some 50,000 people) or narrower; wider, it finds nobody.
const PickTailScan = 100_000

// pickByTail finds the people whose ID number ends in tail: for the roles
// reaching a division, its residents (a range of the index on villages; a
// county or narrower); for the others, the people w selects (the members of
// their orgs).
func (db *DB) pickByTail(ctx context.Context, a *hezuo.Access, scope hezuo.Scope, w *where, tail string) ([]store.PickItem, error) {
	out := []store.PickItem{}
	if a.ByDivision() {
		if len(scope.Prefix) < 6 {
			return out, nil
		}
		w = (&where{}).add("pe.village BETWEEN ? AND ?", scopeArgs(scope)...)
	}
	masked := map[int64]string{}
	var ids []any
	err := db.eachRow(ctx, `SELECT pe.id, pe.id_sealed FROM people pe WHERE `+w.String()+` LIMIT ?`, append(w.args, PickTailScan),
		func(r rowScanner) error {
			var id int64
			var sealed string
			if err := r.Scan(&id, &sealed); err != nil {
				return err
			}
			number, err := db.keys.Open(sealed)
			if err == nil && strings.HasSuffix(number, tail) {
				masked[id] = hezuo.MaskIDNumber(number)
				ids = append(ids, id)
			}
			return err
		})
	if err != nil || len(ids) == 0 {
		return out, err
	}
	if len(ids) > 500 {
		ids = ids[:500]
	}
	err = db.eachRow(ctx, `SELECT pe.id, pe.name, coalesce(dv.name, pe.village, '') FROM people pe LEFT JOIN divisions dv ON dv.code = pe.village
		WHERE pe.id IN (?`+strings.Repeat(", ?", len(ids)-1)+`) ORDER BY pe.name, pe.id LIMIT ?`, append(ids, store.PickLimit), func(r rowScanner) error {
		var id int64
		var it store.PickItem
		var village string
		if err := r.Scan(&id, &it.Label, &village); err != nil {
			return err
		}
		it.Value, it.Detail = "#"+itoa(id), masked[id]
		if village != "" {
			it.Detail += " · " + village
		}
		out = append(out, it)
		return nil
	})
	return out, err
}

// escapeLike escapes LIKE's wildcards (and the escape character) in s.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// PersonIDNumber returns the ID number of the person with database id, for
// a write that names the person by it (a form's picker): only roles that
// write, only people a may see or the registered guarantors of its
// counties (ENOTFOUND otherwise). The number is not
// shown to anyone: the write it goes into decides, as for a typed one.
func (db *DB) PersonIDNumber(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (string, error) {
	if err := registry.allow(a); err != nil {
		return "", err
	}
	r, err := db.personRecord(ctx, db, a, id, today)
	if err == nil {
		return r.IDNumber, nil
	}
	// A registered guarantor of a's counties (the guarantor picker's).
	lo, hi := countyRange(a.Scope)
	var number string
	if db.QueryRowContext(ctx, db.rebind(`SELECT pe.id_sealed FROM guarantors g JOIN people pe ON pe.id = g.person_id
		WHERE pe.id = ? AND g.county BETWEEN ? AND ?`), id, lo, hi).Scan(db.opened(&number)) == nil {
		return number, nil
	}
	return "", err
}

// pickPersonByNumber adds to w (over people pe) the pick of a person by
// code (a person reference, or a whole ID number for roles that see whole
// numbers) or by a whole ID number typed as q. decided is false when
// neither applies (the caller searches by name); found is false when code
// can find no one.
func (db *DB) pickPersonByNumber(w *where, a *hezuo.Access, code, q string, day hezuo.Date) (decided, found bool) {
	switch {
	case code != "":
		if id, ok := store.PersonRef(code); ok {
			w.add("pe.id = ?", id)
		} else if a.SeesPersonalData() && validID(code, day) {
			w.add("pe.id_hash = ?", db.idHash(code))
		} else {
			return true, false
		}
	case a.SeesPersonalData() && len(q) == 18 && validID(q, day):
		w.add("pe.id_hash = ?", db.idHash(q))
	default:
		return false, true
	}
	return true, true
}
