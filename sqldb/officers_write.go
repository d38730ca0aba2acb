package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"hezuo"
)

// PartyOrgOfficers returns the posts of the party organization no, in
// office on day first (by post), then the past ones (latest first), for its
// edit page: only roles that write, only organizations seated in a's scope
// (ENOTFOUND otherwise). ID numbers are masked.
func (db *DB) PartyOrgOfficers(ctx context.Context, a *hezuo.Access, no string, day hezuo.Date) ([]hezuo.OfficerItem, error) {
	r, err := db.PartyOrgForEdit(ctx, a, no, day)
	if err != nil {
		return nil, err
	}
	out := []hezuo.OfficerItem{}
	err = db.eachRow(ctx, `SELECT f.id, p.id_sealed, p.name, f.role, f.duty, f.valid_from, f.valid_to, p.leader_since, p.talent_since
		FROM officers f JOIN people p ON p.id = f.person_id WHERE f.party_org_id = ?`, []any{r.ID}, func(rs rowScanner) error {
		it := hezuo.OfficerItem{PartyOrg: no}
		var leader, talent hezuo.Date
		if err := rs.Scan(&it.ID, db.opened(&it.IDNumber), &it.Name, &it.Role, &it.Duty, &it.From, &it.To, &leader, &talent); err != nil {
			return err
		}
		it.IDNumber = hezuo.MaskIDNumber(it.IDNumber)
		it.Leader = !leader.IsZero() && !day.Before(leader)
		it.Talent = !talent.IsZero() && !day.Before(talent)
		out = append(out, it)
		return nil
	})
	rank := func(o *hezuo.OfficerItem) int {
		return slices.IndexFunc(hezuo.Posts, func(p hezuo.Post) bool { return p.Role == o.Role && p.Duty == o.Duty })
	}
	slices.SortStableFunc(out, func(x, y hezuo.OfficerItem) int {
		ax, ay := x.ActiveOn(day), y.ActiveOn(day)
		switch {
		case ax != ay:
			return cmpBool(ay, ax)
		case ax:
			return cmp.Or(cmp.Compare(rank(&x), rank(&y)), x.From.Time().Compare(y.From.Time()), cmp.Compare(x.ID, y.ID))
		}
		return cmp.Or(y.To.Time().Compare(x.To.Time()), y.From.Time().Compare(x.From.Time()), cmp.Compare(x.ID, y.ID))
	})
	return out, err
}

// StartPost records o (the person by ID number, the post, From; To may be
// zero) as a, in one transaction with its audit entry. Only roles that
// write; the party organization must be seated in a's scope and the person
// one a may see (both ENOTFOUND otherwise, alike for a missing record);
// the post is checked as an import's is (hezuo.Officer.Validate and
// CheckPost, EINVALID beside the field); a post of the same key is
// ECONFLICT.
func (db *DB) StartPost(ctx context.Context, a *hezuo.Access, o *hezuo.Officer, now time.Time) error {
	return db.write(ctx, registry, a, clockAt(now), func(w *unit) error {
		if err := o.Validate(w.today); err != nil {
			return err
		}
		rec := "任职 " + o.PartyOrg
		tx := w.tx
		po, err := db.partyOrgRecord(ctx, tx, a, o.PartyOrg, w.today)
		if err != nil {
			return err
		}
		wh := &where{}
		wh.addPair(visiblePeople(a, w.today))
		wh.add("pe.id_hash = ?", db.idHash(o.IDNumber))
		var personID int64
		var name string
		err = tx.QueryRowContext(ctx, db.rebind(`SELECT pe.id, pe.name FROM people pe WHERE `+wh.String()), wh.args...).Scan(&personID, &name)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldError(hezuo.ENOTFOUND, rec, "id_number", "找不到此身份证号的人员（未登记或不在您的权限范围内；请先登记为成员或人员）",
				"no person with this ID number (not on record or outside your scope; register them as a member or person first)")
		} else if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM officers WHERE party_org_id = ? AND person_id = ? AND role = ? AND valid_from = ?`),
			po.ID, personID, o.Role, o.From).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return fieldError(hezuo.ECONFLICT, rec, "from", "此人该职务自该日起的任职已有记录", "this post of this person from this day is on record")
		}
		if err := db.checkPost(ctx, tx, o); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO officers (county, party_org_id, person_id, role, duty, valid_from, valid_to)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), po.Seat[:6], po.ID, personID, o.Role, o.Duty, o.From, o.To); err != nil {
			return err
		}
		after := hezuo.OfficerItem{PartyOrg: o.PartyOrg, Name: name, IDNumber: hezuo.MaskIDNumber(o.IDNumber), Role: o.Role, Duty: o.Duty, Period: o.Period}
		return w.audit(hezuo.ActionCreate, "officer", o.PartyOrg+" "+after.IDNumber+" "+o.Role, po.Seat, nil, after, "")
	})
}

// EndPost ends on day (the first day no longer in office) the post with
// database id of the party organization no, as a, in one transaction with
// its audit entry. Only roles that write, only organizations seated in a's
// scope (ENOTFOUND, as for a post of another organization); a post already
// ended is ECONFLICT (ending is the one change, and it happens once); day
// must be after the start (EINVALID beside "to").
func (db *DB) EndPost(ctx context.Context, a *hezuo.Access, no string, id int64, day hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockAt(now), func(w *unit) error {
		tx := w.tx
		po, err := db.partyOrgRecord(ctx, tx, a, no, w.today)
		if err != nil {
			return err
		}
		var idNumber string
		before := hezuo.OfficerItem{PartyOrg: no}
		err = tx.QueryRowContext(ctx, db.rebind(`SELECT p.id_sealed, p.name, f.role, f.duty, f.valid_from, f.valid_to FROM officers f
			JOIN people p ON p.id = f.person_id WHERE f.id = ? AND f.party_org_id = ?`), id, po.ID).Scan(
			db.opened(&idNumber), &before.Name, &before.Role, &before.Duty, &before.From, &before.To)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("任职", "post", "#"+itoa(id))
		} else if err != nil {
			return err
		}
		before.IDNumber = hezuo.MaskIDNumber(idNumber)
		if !before.To.IsZero() {
			return hezuo.Errorf(hezuo.ECONFLICT, "该任职已于 %s 结束", "this post already ended on %s", before.To)
		}
		after := before
		after.To = day
		if err := after.Period.Validate("任职 " + no); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE officers SET valid_to = ? WHERE id = ? AND valid_to IS NULL`), day, id); err != nil {
			return err
		}
		return w.audit(hezuo.ActionEnd, "officer", no+" "+before.IDNumber+" "+before.Role, po.Seat, before, after, "")
	})
}
