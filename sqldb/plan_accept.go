package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hezuo"
	"hezuo/plan"
	"hezuo/store"
)

// AcceptJoint creates the joint branches given as lists of org numbers (a
// plan as JointBranches proposed it, or as an officer edited it), valid
// from day, in one transaction. in is the input gathered by PlanInput for
// the officer's scope and the same day, just before: each branch is checked
// with plan.Compose against in.JointOrgs, and again inside the transaction
// against coverage created since. A branch is a joint_branch of kind
// cross_village seated in its first org's village, with the township
// committee as parent and manager when it is on record. It returns the
// party organizations created, in the order given.
func (db *DB) AcceptJoint(ctx context.Context, in *store.PlanInput, groups [][]string, day hezuo.Date) ([]hezuo.PartyOrg, error) {
	return db.acceptJoint(ctx, trusted, nil, clock{today: day}, in, groups, noAudit)
}

// acceptJoint is AcceptJoint as a unit of work by a through g, from c's
// day; then runs in the unit after the branches are written (the web
// application checks their places and audits there; noAudit for the
// command line).
func (db *DB) acceptJoint(ctx context.Context, g gate, a *hezuo.Access, c clock, in *store.PlanInput, groups [][]string,
	then func(*unit, []hezuo.PartyOrg) error) ([]hezuo.PartyOrg, error) {
	day := c.today
	branches, err := plan.Compose(groups, in.JointOrgs, in.Settings)
	if err != nil {
		return nil, err
	}
	return writeFor(ctx, db, g, a, c, func(w *unit) ([]hezuo.PartyOrg, error) {
		if err := w.serialize(planLock); err != nil {
			return nil, err
		}
		tx := w.tx
		var err error
		towns := map[string]*townKeys{}
		out := make([]hezuo.PartyOrg, 0, len(branches))
		for i, b := range branches {
			orgIDs := make([]int64, len(b.Orgs))
			for j, no := range b.Orgs {
				if orgIDs[j], err = db.uncoveredOrg(ctx, tx, no, day); err != nil {
					return nil, err
				}
			}
			tk := towns[b.Township]
			if tk == nil {
				if tk, err = db.loadTownKeys(ctx, tx, b.Township, day); err != nil {
					return nil, err
				}
				towns[b.Township] = tk
			}
			po := hezuo.PartyOrg{Form: hezuo.FormJointBranch, JointKind: hezuo.JointCrossVill, Seat: b.Seat,
				Parent: tk.committeeNo, Manager: tk.committeeNo, TermYears: in.Settings.TermYears(hezuo.FormJointBranch),
				Orgs: b.Orgs, Period: hezuo.Period{From: day}}
			if po.No, err = tk.nextNo(ctx, db, tx, day); err != nil {
				return nil, err
			}
			po.Name = tk.name(b)
			if err := po.Validate(); err != nil {
				return nil, err
			}
			var id int64
			if err := tx.QueryRowContext(ctx, db.rebind(`INSERT INTO party_orgs (county, no, name, form, joint_kind, seat, parent_id,
				manager_id, term_years, valid_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				po.Seat[:6], po.No, po.Name, po.Form, po.JointKind, po.Seat, nullID(tk.committee), nullID(tk.committee), po.TermYears, day).Scan(&id); err != nil {
				return nil, fmt.Errorf("joint branch %d: %w", i+1, err)
			}
			for _, orgID := range orgIDs {
				if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO party_org_orgs (party_org_id, org_id, county, valid_from)
					VALUES (?, ?, ?, ?)`), id, orgID, po.Seat[:6], day); err != nil {
					return nil, err
				}
			}
			out = append(out, po)
		}
		return out, then(w, out)
	})
}

// townKeys names the new branches of one township: its committee, the
// names of the party organizations seated there, the next number to try.
type townKeys struct {
	township    string
	committee   int64
	committeeNo string
	names       map[string]bool
	next        int
}

func (db *DB) loadTownKeys(ctx context.Context, tx *sql.Tx, township string, day hezuo.Date) (*townKeys, error) {
	tk := &townKeys{township: township, next: 1}
	err := tx.QueryRowContext(ctx, db.rebind(`SELECT id, no FROM party_orgs WHERE form = 'township' AND seat = ?
		AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY no`), township+"000", day, day).Scan(&tk.committee, &tk.committeeNo)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	tk.names, err = db.stringSet(ctx, tx, `SELECT name FROM party_orgs WHERE seat BETWEEN ? AND ?`, []any{township + "000", township + "999"})
	if err != nil {
		return nil, err
	}
	return tk, nil
}

// nextNo returns the first unused number LH<township>-<yyyymmdd>-NN.
func (tk *townKeys) nextNo(ctx context.Context, db *DB, tx *sql.Tx, day hezuo.Date) (string, error) {
	for ; ; tk.next++ {
		no := fmt.Sprintf("LH%s-%s-%02d", tk.township, strings.ReplaceAll(day.String(), "-", ""), tk.next)
		var n int
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM party_orgs WHERE no = ?`), no).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			tk.next++
			return no, nil
		}
	}
}

// name returns a name for b not yet used in the township: 甲镇蔬菜产业联合党支部
// for one industry, 甲镇联合党支部 otherwise, numbered （2）, （3）… when taken.
func (tk *townKeys) name(b plan.Branch) string {
	base := b.TownshipName
	if base == "" {
		base = b.Township
	}
	if len(b.Industries) == 1 && b.Industries[0] != "" {
		base += b.Industries[0] + "产业"
	}
	base += "联合党支部"
	name := base
	for i := 2; tk.names[name]; i++ {
		name = fmt.Sprintf("%s（%d）", base, i)
	}
	tk.names[name] = true
	return name
}

// planLock serialises the acceptances of plans on PostgreSQL (unit.serialize),
// so that two officers cannot place one org twice; SQLite takes the write
// lock at once.
const planLock = 84126

// uncoveredOrg returns the id of the org numbered no, or an ECONFLICT error
// when a party organization built for orgs covers it on day.
func (db *DB) uncoveredOrg(ctx context.Context, tx *sql.Tx, no string, day hezuo.Date) (int64, error) {
	var id int64
	var n int
	err := tx.QueryRowContext(ctx, db.rebind(`SELECT o.id, (SELECT count(*) FROM party_org_orgs l
		JOIN party_orgs p ON p.id = l.party_org_id WHERE l.org_id = o.id
		AND p.form IN ('branch', 'general_branch', 'committee', 'joint_branch', 'party_group')
		AND l.valid_from <= ? AND (l.valid_to IS NULL OR l.valid_to > ?)
		AND p.valid_from <= ? AND (p.valid_to IS NULL OR p.valid_to > ?)) FROM orgs o WHERE o.org_no = ?`),
		day, day, day, day, no).Scan(&id, &n)
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, hezuo.Errorf(hezuo.ECONFLICT, "组织 %s 已被党组织覆盖（可能刚由他人建立），请刷新方案", "org %s is already covered by a party organization (perhaps just created); refresh the plan", no)
	}
	return id, nil
}
