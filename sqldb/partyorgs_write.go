package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"hezuo"
)

// partyOrgRecord reads the party organization no if its seat lies in a's
// scope (ENOTFOUND otherwise), with its parent's and manager's numbers, its
// villages and the orgs it covers: those linked today, or on its last day
// when it has ended, or on its first day when it has not begun.
func (db *DB) partyOrgRecord(ctx context.Context, q querier, a *hezuo.Access, no string, today hezuo.Date) (*hezuo.PartyOrgRecord, error) {
	var r hezuo.PartyOrgRecord
	p := &r.PartyOrg
	err := q.QueryRowContext(ctx, db.rebind(`SELECT p.id, p.no, p.name, p.form, p.joint_kind, p.seat, coalesce(pp.no, ''), coalesce(pm.no, ''),
		p.founding_method, p.term_years, p.elected_on, p.valid_from, p.valid_to, p.version, coalesce(s.name, '')
		FROM party_orgs p LEFT JOIN party_orgs pp ON pp.id = p.parent_id LEFT JOIN party_orgs pm ON pm.id = p.manager_id
		LEFT JOIN divisions s ON s.code = p.seat WHERE p.no = ? AND p.seat BETWEEN ? AND ?`), append([]any{no}, scopeArgs(a.Scope)...)...).Scan(
		&p.ID, &p.No, &p.Name, &p.Form, &p.JointKind, &p.Seat, &p.Parent, &p.Manager, &p.FoundingMethod, &p.TermYears, &p.ElectedOn,
		&p.From, &p.To, &r.Version, &r.SeatName)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !a.ByDivision()) {
		return nil, notFound("党组织", "party organization", no)
	} else if err != nil {
		return nil, err
	}
	day := today
	if !p.To.IsZero() && !day.Before(p.To) {
		day = p.To.AddDays(-1)
	}
	if day.Before(p.From) {
		day = p.From
	}
	p.Orgs, p.Villages = []string{}, []string{}
	lc, la := active("l", day)
	err = db.eachRowOn(ctx, q, `SELECT o.org_no FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id
		WHERE l.party_org_id = ? AND `+lc+` ORDER BY o.org_no`, append([]any{p.ID}, la...), column(&p.Orgs))
	if err != nil {
		return nil, err
	}
	err = db.eachRowOn(ctx, q, `SELECT village FROM party_org_villages WHERE party_org_id = ? ORDER BY village`, []any{p.ID}, column(&p.Villages))
	if err != nil {
		return nil, err
	}
	p.Elections, err = db.elections(ctx, q, p.ID)
	return &r, err
}

// PartyOrgForEdit returns the party organization no for its edit form: only
// roles that write, only those seated in their scope (ENOTFOUND otherwise).
// The orgs it covers are those linked on today (see partyOrgRecord).
func (db *DB) PartyOrgForEdit(ctx context.Context, a *hezuo.Access, no string, today hezuo.Date) (*hezuo.PartyOrgRecord, error) {
	if err := registry.allow(a); err != nil {
		return nil, err
	}
	return db.partyOrgRecord(ctx, db, a, no, today)
}

// SavePartyOrg creates (version 0) or updates (version = the version read)
// the party organization p as a, in one transaction with its audit entry.
// Only roles that write; the seat must lie in a's scope (an existing one
// seated outside is ENOTFOUND), the parent and manager must be party
// organizations of the seat's county, and every org added to or removed
// from its cover must be one a may see. Links to the orgs are dated facts:
// on update, orgs added are covered from effective (not before p.From), orgs
// removed stop being covered on effective, and when p ends every link ends
// with it. A taken number or a stale version is ECONFLICT. It returns the
// new version. A new one whose number is blank gets the next of its seat's
// township's series (DZZ-222424102-0001, numbers.go), set in p once saved.
func (db *DB) SavePartyOrg(ctx context.Context, a *hezuo.Access, p *hezuo.PartyOrg, version int, effective hezuo.Date, now time.Time) (_ int, err error) {
	propose := version == 0 && strings.TrimSpace(p.No) == ""
	if propose {
		defer func() {
			if err != nil {
				p.No = ""
			}
		}()
	}
	return writeFor(ctx, db, registry, a, clockAt(now), func(w *unit) (int, error) {
		if propose {
			probe := *p
			probe.No = proposedPlaceholder // every other field checked as the numbered one's
			if err := probe.Validate(); err != nil {
				return 0, err
			}
		} else if err := p.Validate(); err != nil {
			return 0, err
		}
		rec := "党组织 " + p.No
		if p.Form != hezuo.FormJointBranch {
			p.JointKind = ""
		} else if p.JointKind != hezuo.JointVillageOrg && p.JointKind != hezuo.JointCrossVill {
			return 0, hezuo.Invalid(rec, "joint_kind", "请选择联合方式（村会联合或跨村联合）", "choose how the branch is joint (village and org, or across villages)")
		}
		if p.FoundingMethod != "" && !slices.Contains(hezuo.FoundingMethods, p.FoundingMethod) {
			return 0, hezuo.Invalid(rec, "founding_method", "组建方式无效", "unknown founding method")
		}
		if effective.IsZero() || effective.Before(p.From) {
			effective = p.From
		}
		tx := w.tx
		var err error
		var before *hezuo.PartyOrgRecord
		action := hezuo.ActionCreate
		if propose {
			// drawn below, once the seat is known to be in reach
		} else if version == 0 {
			var n int
			if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM party_orgs WHERE no = ?`), p.No).Scan(&n); err != nil {
				return 0, err
			}
			if n > 0 {
				return 0, fieldError(hezuo.ECONFLICT, rec, "no", "党组织编号已被使用", "this party organization number is taken")
			}
		} else {
			if before, err = db.partyOrgRecord(ctx, tx, a, p.No, w.today); err != nil {
				return 0, err
			}
			if before.Version != version {
				return 0, stale("该党组织", "this party organization")
			}
			p.ID, p.Villages = before.ID, before.Villages
			action = hezuo.ActionUpdate
			if !p.To.IsZero() && before.To.IsZero() {
				action = hezuo.ActionEnd
			}
		}
		if !a.Scope.Contains(p.Seat) {
			return 0, hezuo.Invalid(rec, "seat", "所属区划不在您的权限范围内", "the seat lies outside your scope")
		}
		var n int
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM divisions WHERE code = ?`), p.Seat).Scan(&n); err != nil {
			return 0, err
		} else if n == 0 {
			return 0, hezuo.Invalid(rec, "seat", "未知的区划 "+p.Seat, "unknown division "+p.Seat)
		}
		if propose {
			if p.No, err = db.proposeNumber(ctx, tx, partyOrgNumberPrefix(p.Seat), "party_orgs", "no"); err != nil {
				return 0, err
			}
			rec = "党组织 " + p.No
		}
		parent, err := db.partyOrgInCounty(ctx, tx, rec, "parent", p.Parent, p.Seat[:6])
		if err != nil {
			return 0, err
		}
		manager, err := db.partyOrgInCounty(ctx, tx, rec, "manager", p.Manager, p.Seat[:6])
		if err != nil {
			return 0, err
		}
		var was []string
		if before != nil {
			was = before.Orgs
		}
		orgIDs := map[string]int64{}
		for _, no := range p.Orgs {
			if _, dup := orgIDs[no]; dup {
				return 0, hezuo.Invalid(rec, "orgs", "组织重复："+no, "org listed twice: "+no)
			}
			orgIDs[no] = 0
		}
		// Orgs added or removed must be in a's reach; those kept need not be
		// (a joint branch may cover an org of another township).
		for no := range orgIDs {
			if !slices.Contains(was, no) {
				if orgIDs[no], err = db.reachableOrg(ctx, tx, a, rec, no, w.today); err != nil {
					return 0, err
				}
			}
		}
		for _, no := range was {
			if _, kept := orgIDs[no]; !kept {
				if _, err = db.reachableOrg(ctx, tx, a, rec, no, w.today); err != nil {
					return 0, err
				}
			}
		}
		args := []any{p.Seat[:6], p.Name, p.Form, p.JointKind, p.Seat, nullID(parent), nullID(manager), p.FoundingMethod, p.TermYears, p.ElectedOn, p.From, p.To}
		if before == nil {
			err = tx.QueryRowContext(ctx, db.rebind(`INSERT INTO party_orgs (county, name, form, joint_kind, seat, parent_id, manager_id, founding_method,
				term_years, elected_on, valid_from, valid_to, no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`), append(args, p.No)...).Scan(&p.ID)
		} else {
			_, err = tx.ExecContext(ctx, db.rebind(`UPDATE party_orgs SET county = ?, name = ?, form = ?, joint_kind = ?, seat = ?, parent_id = ?,
				manager_id = ?, founding_method = ?, term_years = ?, elected_on = ?, valid_from = ?, valid_to = ?, version = version + 1 WHERE id = ?`),
				append(args, p.ID)...)
		}
		if err != nil {
			return 0, err
		}
		if err := writeElections(func(q string, args ...any) error {
			_, err := tx.ExecContext(ctx, db.rebind(q), args...)
			return err
		}, p.ID, p); err != nil {
			return 0, err
		}
		if err := db.relink(ctx, tx, p, was, orgIDs, effective); err != nil {
			return 0, err
		}
		after, err := db.partyOrgRecord(ctx, tx, a, p.No, w.today)
		if err != nil {
			return 0, err
		}
		if before != nil && after.Version != version+1 { // saved by another in between (PostgreSQL's READ COMMITTED)
			return 0, stale("该党组织", "this party organization")
		}
		return after.Version, w.audit(action, "party_org", p.No, p.Seat, before, after, "")
	})
}

// relink writes the links of p to its orgs: new ones from effective (or
// p.From), removed ones ended on effective (deleted when they had not begun),
// and every open link ended with p.
func (db *DB) relink(ctx context.Context, tx *sql.Tx, p *hezuo.PartyOrg, was []string, orgIDs map[string]int64, effective hezuo.Date) error {
	for no, id := range orgIDs {
		if id == 0 {
			continue // kept
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO party_org_orgs (party_org_id, org_id, county, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (party_org_id, org_id, valid_from) DO UPDATE SET valid_to = excluded.valid_to`), p.ID, id, p.Seat[:6], effective, p.To); err != nil {
			return hezuo.Invalid("党组织 "+p.No, "orgs", "无法覆盖组织 "+no+"："+err.Error(), "cannot cover org "+no+": "+err.Error())
		}
	}
	for _, no := range was {
		if _, kept := orgIDs[no]; kept {
			continue
		}
		sub := `(SELECT id FROM orgs WHERE org_no = ?)`
		if _, err := tx.ExecContext(ctx, db.rebind(`DELETE FROM party_org_orgs WHERE party_org_id = ? AND org_id = `+sub+` AND valid_from >= ?`), p.ID, no, effective); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE party_org_orgs SET valid_to = ? WHERE party_org_id = ? AND org_id = `+sub+`
			AND (valid_to IS NULL OR valid_to > ?)`), effective, p.ID, no, effective); err != nil {
			return err
		}
	}
	if !p.To.IsZero() {
		if _, err := tx.ExecContext(ctx, db.rebind(`DELETE FROM party_org_orgs WHERE party_org_id = ? AND valid_from >= ?`), p.ID, p.To); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE party_org_orgs SET valid_to = ? WHERE party_org_id = ? AND (valid_to IS NULL OR valid_to > ?)`),
			p.To, p.ID, p.To); err != nil {
			return err
		}
	}
	return nil
}

// reachableOrg returns the id of org no if a may see it, else an
// ENOTFOUND error beside the field orgs.
func (db *DB) reachableOrg(ctx context.Context, q querier, a *hezuo.Access, rec, no string, day hezuo.Date) (int64, error) {
	it, err := db.orgItem(ctx, q, a, no, day)
	var e *hezuo.Error
	if errors.As(err, &e) && e.Code == hezuo.ENOTFOUND {
		return 0, fieldError(hezuo.ENOTFOUND, rec, "orgs", e.ZH, e.EN)
	}
	return it.ID, err
}

// partyOrgInCounty resolves a parent or manager number ("" → 0) among the
// party organizations of county.
func (db *DB) partyOrgInCounty(ctx context.Context, q querier, rec, field, no, county string) (int64, error) {
	no = strings.TrimSpace(no)
	if no == "" {
		return 0, nil
	}
	var id int64
	err := q.QueryRowContext(ctx, db.rebind(`SELECT id FROM party_orgs WHERE no = ? AND county = ?`), no, county).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, hezuo.Invalid(rec, field, "本县没有党组织编号 "+no, "no party organization "+no+" in this county")
	}
	return id, err
}

// EndPartyOrg ends the party organization no on day (it and its links to
// orgs stop counting from that day; nothing is deleted), as SavePartyOrg
// does with its checks.
func (db *DB) EndPartyOrg(ctx context.Context, a *hezuo.Access, no string, day hezuo.Date, version int, now time.Time) (int, error) {
	r, err := db.PartyOrgForEdit(ctx, a, no, dayAt(now))
	if err != nil {
		return 0, err
	}
	p := r.PartyOrg
	p.To = day
	return db.SavePartyOrg(ctx, a, &p, version, day, now)
}
