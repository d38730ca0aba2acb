package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"hezuo"
)

// The web application's assistance writes: each in one transaction with its
// audit entry and the summaries' upkeep, through the Load path's steps
// where a record is created.

// CreateUnitPairing records a unit's 包村联户 pairing with an org (one a may
// see: ENOTFOUND beside org_id) or a village (inside a's scope: ENOTFOUND
// beside village). An unknown unit is EINVALID beside unit; a pairing of the
// same unit and target overlapping the period is ECONFLICT beside from.
func (db *DB) CreateUnitPairing(ctx context.Context, a *hezuo.Access, up hezuo.UnitPairing, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		rec := fmt.Sprintf("包村联户 %s→%s", up.Unit, up.Target())
		if err := up.Validate(); err != nil {
			return err
		}
		if err := notAfterToday(rec, "from", "开始日期", "the start", up.From, today); err != nil {
			return err
		}
		tx := w.tx
		division := up.Village
		if up.OrgNo != "" {
			org, err := db.dispatchOrg(ctx, tx, a, rec, up.OrgNo, today)
			if err != nil {
				return err
			}
			division = org.Village
		} else if !a.Scope.Contains(up.Village) {
			return fieldError(hezuo.ENOTFOUND, rec, "village", "该村不在您的权限范围内", "the village lies outside your scope")
		}
		var n int
		q, args := `SELECT count(*) FROM unit_pairings up JOIN units u ON u.id = up.unit_id
			WHERE u.code = ? AND up.target = ? AND (up.valid_to IS NULL OR up.valid_to > ?)`, []any{up.Unit, up.Target(), up.From}
		if !up.To.IsZero() {
			q, args = q+` AND up.valid_from < ?`, append(args, up.To)
		}
		if err := tx.QueryRowContext(ctx, db.rebind(q), args...).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return fieldError(hezuo.ECONFLICT, rec, "from", "此期间该单位已与该对象结对", "the unit is already paired with this target during this period")
		}
		if err := w.platform().loadUnitPairings(&hezuo.Dataset{UnitPairings: []hezuo.UnitPairing{up}}); err != nil {
			return err
		}
		return w.audit(hezuo.ActionCreate, "unit_pairing", up.Unit+"→"+up.Target(), division, nil, up, "")
	})
}

// EndUnitPairing ends the 包村联户 pairing with database id on day (it no
// longer counts that day). A pairing a may not see is ENOTFOUND; one already
// ended is ECONFLICT; a day not after its start is EINVALID beside to.
func (db *DB) EndUnitPairing(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockAt(now), func(w *unit) error {
		tx := w.tx
		var err error
		wh := unitPairingAccess(a, w.today)
		wh.add("up.id = ?", id)
		var before hezuo.UnitPairing
		var org, village sql.NullString
		var division string
		err = tx.QueryRowContext(ctx, db.rebind(`SELECT u.code, o.org_no, up.village, coalesce(o.village, up.village), up.note, up.valid_from, up.valid_to
			FROM unit_pairings up JOIN units u ON u.id = up.unit_id LEFT JOIN orgs o ON o.id = up.org_id WHERE `+wh.String()), wh.args...).Scan(
			&before.Unit, &org, &village, &division, &before.Note, &before.From, &before.To)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("包村联户", "unit pairing", itoa(id))
		} else if err != nil {
			return err
		}
		before.OrgNo, before.Village = org.String, village.String
		rec := fmt.Sprintf("包村联户 %s→%s", before.Unit, before.Target())
		if !before.To.IsZero() {
			return fieldError(hezuo.ECONFLICT, rec, "to", "该结对已于 "+before.To.String()+" 结束", "this pairing already ended on "+before.To.String())
		}
		after := before
		after.To = day
		if err := after.Period.Validate(rec); err != nil {
			return refield(err, "to", nil)
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE unit_pairings SET valid_to = ? WHERE id = ? AND valid_to IS NULL`), day, id); err != nil {
			return err
		}
		return w.audit(hezuo.ActionEnd, "unit_pairing", before.Unit+"→"+before.Target(), division, before, after, "")
	})
}

// CreateHouseholdPairing records a party member's 结对帮扶 pairing with a
// household: an existing one (living inside a's scope: ENOTFOUND beside
// household) or, when hh is not nil and its number is new, the household
// hh (its village inside a's scope). The member, found by ID number, must
// be a party member on the first day (errors beside member); the org, when
// given, one a may see. An overlapping pairing of the same member and
// household is ECONFLICT beside from. A new household whose number is
// blank gets the next of its township's series (HH-222424102-0001,
// numbers.go).
func (db *DB) CreateHouseholdPairing(ctx context.Context, a *hezuo.Access, hp hezuo.HouseholdPairing, hh *hezuo.Household, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		propose := hh != nil && strings.TrimSpace(hh.No) == ""
		var own []error // the household's and the pairing's fields, all at once
		if propose {
			cp := *hh // the caller's household is left as given
			hh = &cp
			hh.No = proposedPlaceholder
			own = append(own, hh.Validate())
		}
		if hh != nil {
			hp.Household = hh.No
		}
		rec := fmt.Sprintf("结对帮扶 %s→%s", hezuo.MaskIDNumber(hp.IDNumber), hp.Household)
		if err := hp.Validate(); err != nil {
			if hp.IDNumber == "" {
				err = refield(err, "member", nil)
			}
			own = append(own, err)
		}
		if err := hezuo.JoinErrors(own...); err != nil {
			return err
		}
		if err := notAfterToday(rec, "from", "开始日期", "the start", hp.From, today); err != nil {
			return err
		}
		tx := w.tx
		var err error
		if propose {
			if !a.Scope.Contains(hh.Village) {
				return fieldError(hezuo.ENOTFOUND, rec, "village", "该农户不在您的权限范围内", "the household lies outside your scope")
			}
			if hh.No, err = db.proposeNumber(ctx, tx, "HH-"+seriesArea(hh.Village, a), "households", "no"); err != nil {
				return err
			}
			hp.Household = hh.No
			rec = fmt.Sprintf("结对帮扶 %s→%s", hezuo.MaskIDNumber(hp.IDNumber), hp.Household)
		}
		var village string
		err = tx.QueryRowContext(ctx, db.rebind(`SELECT village FROM households WHERE no = ?`), hp.Household).Scan(&village)
		ds := &hezuo.Dataset{HouseholdPairings: []hezuo.HouseholdPairing{hp}}
		switch {
		case errors.Is(err, sql.ErrNoRows) && hh != nil:
			if err := hh.Validate(); err != nil {
				return err
			}
			village = hh.Village
			ds.Households = []hezuo.Household{*hh}
		case errors.Is(err, sql.ErrNoRows):
			return fieldError(hezuo.EINVALID, rec, "household", "未知的户编号 "+hp.Household+"（新农户请填写户主、所在村、人口和贫困状态）",
				"unknown household "+hp.Household+" (for a new household give its head, village, size and poverty status)")
		case err != nil:
			return err
		}
		if !a.Scope.Contains(village) {
			field := "household"
			if len(ds.Households) > 0 {
				field = "village"
			}
			return fieldError(hezuo.ENOTFOUND, rec, field, "该农户不在您的权限范围内", "the household lies outside your scope")
		}
		if hp.OrgNo != "" {
			if _, err := db.dispatchOrg(ctx, tx, a, rec, hp.OrgNo, today); err != nil {
				return err
			}
		}
		p := w.platform()
		if err := p.loadHouseholds(ds); err != nil {
			return err
		}
		pid, err := p.personID(rec, "member", hp.IDNumber)
		if err != nil {
			return err
		}
		var n int
		q, args := `SELECT count(*) FROM household_pairings hp JOIN households h ON h.id = hp.household_id
			WHERE hp.person_id = ? AND h.no = ? AND (hp.valid_to IS NULL OR hp.valid_to > ?)`, []any{pid, hp.Household, hp.From}
		if !hp.To.IsZero() {
			q, args = q+` AND hp.valid_from < ?`, append(args, hp.To)
		}
		if err := tx.QueryRowContext(ctx, db.rebind(q), args...).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return fieldError(hezuo.ECONFLICT, rec, "from", "此期间该党员已与该农户结对", "the member is already paired with this household during this period")
		}
		if err := p.loadHouseholdPairings(ds); err != nil {
			return refield(err, "", map[string]string{"id_number": "member"})
		}
		after := hp
		after.IDNumber = hezuo.MaskIDNumber(hp.IDNumber)
		return w.audit(hezuo.ActionCreate, "household_pairing", after.IDNumber+"→"+hp.Household, village, nil, after, "")
	})
}

// MarkOutOfPoverty records that household no left poverty on day with
// peopleOut of its people. The household must live inside a's scope
// (ENOTFOUND), have been poor (registered or low income), and have been
// paired with a party member on or before day (EINVALID beside
// left_poverty_on otherwise: the figures count only households out of
// poverty after a pairing began); people out lie between 1 and its size
// (beside people_out).
func (db *DB) MarkOutOfPoverty(ctx context.Context, a *hezuo.Access, no string, day hezuo.Date, peopleOut int, today hezuo.Date, now time.Time) error {
	return db.write(ctx, registry, a, clockOn(today, now), func(w *unit) error {
		rec := "农户 " + no
		if day.IsZero() {
			return fieldError(hezuo.EINVALID, rec, "left_poverty_on", "请填写脱贫日期", "the date is missing")
		}
		if err := notAfterToday(rec, "left_poverty_on", "脱贫日期", "", day, today); err != nil {
			return err
		}
		if peopleOut < 1 {
			return fieldError(hezuo.EINVALID, rec, "people_out", "脱贫人数至少 1 人", "at least one person leaves poverty")
		}
		tx := w.tx
		var err error
		var h hezuo.Household
		var id int64
		var first hezuo.Date
		err = tx.QueryRowContext(ctx, db.rebind(`SELECT h.id, h.no, h.head, h.village, h.size, h.poverty, h.left_poverty_on, h.people_out,
			(SELECT min(hp.valid_from) FROM household_pairings hp WHERE hp.household_id = h.id) FROM households h WHERE h.no = ?`), no).Scan(
			&id, &h.No, &h.Head, &h.Village, &h.Size, &h.Poverty, &h.LeftPovertyOn, &h.PeopleOut, &first)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !a.Scope.Contains(h.Village)) {
			return notFound("农户", "household", no)
		} else if err != nil {
			return err
		}
		if first.IsZero() || day.Before(first) {
			return fieldError(hezuo.EINVALID, rec, "left_poverty_on", fmt.Sprintf("脱贫日期 %s 早于结对帮扶开始日期（%s）", day, orNone(first, "未结对")),
				fmt.Sprintf("out of poverty on %s, before the pairing began (%s)", day, orNone(first, "not paired")))
		}
		before := h
		h.LeftPovertyOn, h.PeopleOut = day, peopleOut
		if err := h.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`UPDATE households SET left_poverty_on = ?, people_out = ? WHERE id = ?`), day, peopleOut, id); err != nil {
			return err
		}
		return w.audit(hezuo.ActionUpdate, "household", no, h.Village, before, h, "out of poverty")
	})
}
