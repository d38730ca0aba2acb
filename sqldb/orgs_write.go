package sqldb

import (
	"context"
	"strings"
	"time"

	"hezuo"
)

// SaveOrg creates (version 0) or updates (version = the version read) the
// org o as a: validated by Org.Validate, written by the same loader as Load,
// in one transaction with its audit entry (before and after). Only roles
// that keep the registry write, and only orgs whose home village lies in
// their scope; an existing org outside it is ENOTFOUND, a stale version or
// a taken 组织编号 or credit code ECONFLICT. It returns the new version.
// A new org whose 组织编号 is blank gets the next number of its township's
// series (numbers.go), set in o once saved.
func (db *DB) SaveOrg(ctx context.Context, a *hezuo.Access, o *hezuo.Org, version int, now time.Time) (_ int, err error) {
	propose := version == 0 && strings.TrimSpace(o.OrgNo) == ""
	if propose {
		defer func() {
			if err != nil {
				o.OrgNo = ""
			}
		}()
	}
	return writeFor(ctx, db, orgRegistry, a, clockAt(now), func(w *unit) (int, error) { return db.saveOrg(w, o, version, propose) })
}

// saveOrg is SaveOrg in the unit w; propose: o's number is to be drawn.
func (db *DB) saveOrg(w *unit, o *hezuo.Org, version int, propose bool) (int, error) {
	ctx, tx, a := w.ctx, w.tx, w.a
	if propose {
		// Every other field is checked as the numbered org's would be.
		probe := *o
		probe.OrgNo = proposedPlaceholder
		if err := probe.Validate(); err != nil {
			return 0, err
		}
	} else if err := o.Validate(); err != nil {
		return 0, err
	}
	rec := "组织 " + o.OrgNo
	var before any
	var exists int
	if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM orgs WHERE org_no = ?`), o.OrgNo).Scan(&exists); err != nil {
		return 0, err
	}
	action := hezuo.ActionCreate
	if version == 0 {
		if exists > 0 {
			return 0, &hezuo.Error{Code: hezuo.ECONFLICT, Record: rec, Field: "org_id", ZH: "组织编号已被使用", EN: "this org_id is taken"}
		}
	} else {
		old, err := db.orgItem(ctx, tx, a, o.OrgNo, w.today)
		if err != nil {
			return 0, err
		}
		if old.Version != version {
			return 0, stale("该组织", "this org")
		}
		before, action = old.Org, hezuo.ActionUpdate
		if !o.Dissolved.IsZero() && old.Dissolved.IsZero() {
			action = hezuo.ActionEnd
		}
	}
	// Checked after the lookup, so that another township's org is "not
	// found" whatever the form says.
	if !a.Scope.Contains(o.Village) {
		return 0, hezuo.Invalid(rec, "village", "所在村不在您的权限范围内", "the village lies outside your scope")
	}
	if propose {
		var err error
		if o.OrgNo, err = db.proposeNumber(ctx, tx, orgNumberPrefix(o.Village), "orgs", "org_no"); err != nil {
			return 0, err
		}
		rec = "组织 " + o.OrgNo
		if err := o.Validate(); err != nil { // the proposal within the key's bounds
			return 0, err
		}
	}
	if o.CreditCode != "" {
		var n int
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM orgs WHERE credit_code = ? AND org_no <> ?`), o.CreditCode, o.OrgNo).Scan(&n); err != nil {
			return 0, err
		}
		if n > 0 {
			return 0, &hezuo.Error{Code: hezuo.ECONFLICT, Record: rec, Field: "credit_code", ZH: "该统一社会信用代码已属于另一个组织", EN: "this credit code belongs to another org"}
		}
	}
	if err := w.loader().loadOrgs(&hezuo.Dataset{Orgs: []hezuo.Org{*o}}); err != nil {
		return 0, err
	}
	after, err := db.orgItem(ctx, tx, a, o.OrgNo, w.today)
	if err != nil {
		return 0, err
	}
	if version != 0 && after.Version != version+1 { // saved by another in between (PostgreSQL's READ COMMITTED)
		return 0, stale("该组织", "this org")
	}
	return after.Version, w.audit(action, "org", o.OrgNo, o.Village, before, after.Org, "")
}

// EndOrg dissolves the org orgNo on day (the org stops counting from that
// day; nothing is deleted), as SaveOrg does with its checks.
func (db *DB) EndOrg(ctx context.Context, a *hezuo.Access, orgNo string, day hezuo.Date, version int, now time.Time) (int, error) {
	if err := orgRegistry.allow(a); err != nil {
		return 0, err
	}
	it, err := db.orgItem(ctx, db, a, orgNo, dayAt(now))
	if err != nil {
		return 0, err
	}
	o := it.Org
	o.Dissolved = day
	return db.SaveOrg(ctx, a, &o, version, now)
}
