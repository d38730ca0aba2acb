package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"hezuo"
)

// fieldError returns an error of code about one form field.
func fieldError(code, record, field, zh, en string) *hezuo.Error {
	return &hezuo.Error{Code: code, Record: record, Field: field, ZH: zh, EN: en}
}

// notAfterToday refuses a date d of a form's field that lies after today
// (what has not happened cannot be recorded); whatZH/whatEN name the date,
// whatEN with its article ("the start"), or "" for the bare date.
func notAfterToday(record, field, whatZH, whatEN string, d, today hezuo.Date) error {
	if !d.After(today) {
		return nil
	}
	en := fmt.Sprintf("%s is after today (%s)", d, today)
	if whatEN != "" {
		en = whatEN + " " + en
	}
	return fieldError(hezuo.EINVALID, record, field, fmt.Sprintf("%s %s 晚于今天 %s", whatZH, d, today), en)
}

// villageIn checks that code is a village on record inside a's scope.
func (db *DB) villageIn(ctx context.Context, q querier, a *hezuo.Access, record, code string) error {
	if !a.Scope.Contains(code) {
		return hezuo.Invalid(record, "village", "所在村不在您的权限范围内", "the village lies outside your scope")
	}
	var n int
	if err := q.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM divisions WHERE code = ? AND level = 'village'`), code).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return hezuo.Invalid(record, "village", "未知的村 "+code, "unknown village "+code)
	}
	return nil
}

// personRecord reads the person with database id if a may see it (see
// visiblePeople), whole, with its version; ENOTFOUND otherwise.
func (db *DB) personRecord(ctx context.Context, q querier, a *hezuo.Access, id int64, today hezuo.Date) (*hezuo.PersonRecord, error) {
	w := &where{}
	w.addPair(visiblePeople(a, today))
	w.add("pe.id = ?", id)
	var r hezuo.PersonRecord
	p := &r.Person
	var village sql.NullString
	err := q.QueryRowContext(ctx, db.rebind(`SELECT pe.id, pe.id_sealed, pe.name, pe.sex, pe.birth_date, pe.village, pe.phone_sealed,
		pe.talent_since, pe.leader_since, pe.version FROM people pe WHERE `+w.String()), w.args...).Scan(
		&p.ID, db.opened(&p.IDNumber), &p.Name, &p.Sex, &p.BirthDate, &village, db.opened(&p.Phone), &p.TalentSince, &p.LeaderSince, &r.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("人员", "person", "#"+itoa(id))
	}
	p.Village = village.String
	return &r, err
}

// PersonForEdit returns the person with database id, whole, for its edit
// form: only roles that write, only people they may see (ENOTFOUND
// otherwise). Showing the whole ID number and phone is written to the
// audit log.
func (db *DB) PersonForEdit(ctx context.Context, a *hezuo.Access, id int64, now time.Time) (*hezuo.PersonRecord, error) {
	if err := registry.allow(a); err != nil {
		return nil, err
	}
	r, err := db.personRecord(ctx, db, a, id, dayAt(now))
	if err != nil {
		return nil, err
	}
	steps, err := db.personSteps(ctx, db, id, r.IDNumber)
	if err != nil {
		return nil, err
	}
	r.Party = hezuo.PartyRecordOf(steps, dayAt(now))
	return r, db.Audit(ctx, a, now, hezuo.ActionView, "person", hezuo.MaskIDNumber(r.IDNumber), r.Village,
		"修改表单显示完整身份证号和电话 / the edit form showed the whole ID number and phone")
}

// SavePerson creates (p.ID 0) or updates (p.ID the database id, version the
// version read) the person p as a, in one transaction with its audit entry.
// Person.Validate checks the ID number (GB 11643) and derives the birth date
// and sex. Only roles that write; an existing person a may not see is
// ENOTFOUND, one whose home lies outside a's scope EFORBIDDEN (hezuo
// reach.go); a new or changed home village is required and must lie in a's
// scope; a taken ID number or
// a stale version is ECONFLICT. It returns the id and the new version.
func (db *DB) SavePerson(ctx context.Context, a *hezuo.Access, p *hezuo.Person, version int, now time.Time) (int64, int, error) {
	return db.SavePersonParty(ctx, a, p, nil, version, now)
}

// SavePersonParty is SavePerson that also records the person's party
// status (nil: left as it is) in the same transaction, with the members
// import's rules (hezuo.PartyRecord: Validate, then Merge into the stored
// steps with the probation of the settings); its errors name the fields
// political_status, joined_party and full_member_since.
func (db *DB) SavePersonParty(ctx context.Context, a *hezuo.Access, p *hezuo.Person, party *hezuo.PartyRecord, version int, now time.Time) (int64, int, error) {
	saved, err := writeFor(ctx, db, registry, a, clockAt(now), func(w *unit) (int, error) {
		today := w.today
		probation := 0
		if party != nil {
			st, err := db.Settings(ctx)
			if err != nil {
				return 0, err
			}
			probation = st.ProbationMonths
		}
		// Every field at once: the person's and the party record's errors.
		if err := p.Validate(today); err != nil {
			if party != nil {
				err = hezuo.JoinErrors(err, party.Validate(p.BirthDate, today, probation))
			}
			return 0, err
		}
		rec := "人员 " + hezuo.MaskIDNumber(p.IDNumber)
		tx := w.tx
		var err error
		var before *hezuo.PersonRecord
		action := hezuo.ActionCreate
		if p.ID != 0 {
			if before, err = db.personRecord(ctx, tx, a, p.ID, today); err != nil {
				return 0, err
			}
			if before.Version != version {
				return 0, stale("该人员信息", "this person")
			}
			// Seeing a person (a member of an org in scope) is not keeping
			// them: only a writer whose scope holds the person's home changes
			// them, as an import's row would be refused (hezuo reach.go).
			if err := db.writablePerson(ctx, tx, a, p.ID, rec, "id_number", true); err != nil {
				return 0, err
			}
			action = hezuo.ActionUpdate
		}
		unchanged := before != nil && before.Village == p.Village
		switch {
		case p.Village == "" && !unchanged:
			// A person with neither a home village nor a membership would be
			// out of everyone's reach.
			return 0, hezuo.Invalid(rec, "village", "请选择您辖区内的村", "choose a village of your scope")
		case p.Village != "" && !unchanged:
			if err := db.villageIn(ctx, tx, a, rec, p.Village); err != nil {
				return 0, err
			}
		}
		var taken int
		if err := tx.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM people WHERE id_hash = ? AND id <> ?`), db.idHash(p.IDNumber), p.ID).Scan(&taken); err != nil {
			return 0, err
		}
		if taken > 0 {
			return 0, fieldError(hezuo.ECONFLICT, rec, "id_number", "该身份证号已登记为另一人", "this ID number belongs to someone already on record")
		}
		county := personCounty(p)
		if p.ID == 0 {
			err = tx.QueryRowContext(ctx, db.rebind(`INSERT INTO people (county, id_hash, id_sealed, name, sex, birth_date, village, phone_sealed, talent_since, leader_since)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
				county, db.idHash(p.IDNumber), db.seal(p.IDNumber), p.Name, p.Sex, p.BirthDate, nullStr(p.Village), db.seal(p.Phone),
				p.TalentSince, p.LeaderSince).Scan(&p.ID)
		} else {
			_, err = tx.ExecContext(ctx, db.rebind(`UPDATE people SET county = ?, id_hash = ?, id_sealed = ?, name = ?, sex = ?, birth_date = ?, village = ?,
				phone_sealed = ?, talent_since = ?, leader_since = ?, version = version + 1 WHERE id = ?`),
				county, db.idHash(p.IDNumber), db.seal(p.IDNumber), p.Name, p.Sex, p.BirthDate, nullStr(p.Village), db.seal(p.Phone),
				p.TalentSince, p.LeaderSince, p.ID)
		}
		if err != nil {
			return 0, err
		}
		if party != nil {
			if err := db.savePartyRecord(ctx, tx, a, now, p, county, *party, probation, today); err != nil {
				return 0, err
			}
		}
		// Read back through the new village: a person just created is visible
		// to a township officer by its home village.
		after, err := db.personRecord(ctx, tx, a, p.ID, today)
		if err != nil {
			return 0, err
		}
		if before != nil && after.Version != version+1 { // saved by another in between (PostgreSQL's READ COMMITTED)
			return 0, stale("该人员信息", "this person")
		}
		var old any
		if before != nil {
			old = before.Person.Masked()
		}
		return after.Version, w.audit(action, "person", hezuo.MaskIDNumber(p.IDNumber), p.Village, old, after.Person.Masked(), "")
	})
	if err != nil {
		return 0, 0, err
	}
	return p.ID, saved, nil
}

// EndPerson ends, on day, every membership of the person with database id
// that is current on day in an org a may see (the person left them all:
// moved away, died). People are never deleted. It returns how many
// memberships ended.
func (db *DB) EndPerson(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date, now time.Time) (int, error) {
	return writeFor(ctx, db, registry, a, clockAt(now), func(w *unit) (int, error) {
		if day.IsZero() {
			return 0, hezuo.Invalid("", "to", "缺少日期", "date missing")
		}
		tx := w.tx
		p, err := db.personRecord(ctx, tx, a, id, w.today)
		if err != nil {
			return 0, err
		}
		vis, va := visibleOrgIDs(a, w.today)
		res, err := tx.ExecContext(ctx, db.rebind(`UPDATE memberships SET valid_to = ?, version = version + 1 WHERE person_id = ?
			AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?) AND org_id IN (`+vis+`)`), append([]any{day, id, day, day}, va...)...)
		if err != nil {
			return 0, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return 0, err
		}
		note := "离开全部组织 " + day.String() + "（" + itoa(n) + " 条成员关系）/ left every org on " + day.String()
		return int(n), w.audit(hezuo.ActionEnd, "person", hezuo.MaskIDNumber(p.IDNumber), p.Village, nil, nil, note)
	})
}

// itoa formats an integer.
func itoa[T ~int | ~int64](n T) string { return strconv.FormatInt(int64(n), 10) }
