package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"hezuo"
	"hezuo/store"
)

// TransferInParty records t as a, in one transaction with its audit entry
// and the summary refresh: the member's party status steps are made to say
// what t.Party says (hezuo.PartyRecord's Validate and Merge, the person
// form's and the members import's rules; the status only moves forward),
// and from t.On the party organization t.PartyOrg holds the relation: the
// step current on t.On is split there, it and every later step name the
// receiving organization. Only roles that write; the person must lie in a's
// scope (hezuo.Access.MayWriteAt: their home, else their orgs' villages)
// and so must the receiving organization's seat — a township officer
// transfers only into their township's party organizations. A person or
// party organization out of reach gets the answer of a missing one.
// Errors name the form's fields (id_number, political_status,
// joined_party, full_member_since, party_org, transfer_on, origin). It
// returns the person's database id.
func (db *DB) TransferInParty(ctx context.Context, a *hezuo.Access, t store.PartyTransferIn, now time.Time) (int64, error) {
	return writeFor(ctx, db, registry, a, clockAt(now), func(w *unit) (int64, error) {
		const rec = "组织关系转入"
		today := w.today
		t.Origin = strings.TrimSpace(t.Origin)
		// Every field's own check at once, before anything is looked up.
		var own []error
		if t.Party.Status != hezuo.StatusFull && t.Party.Status != hezuo.StatusProbationary {
			own = append(own, hezuo.Invalid(rec, hezuo.FieldPoliticalStatus, "转入的须是中共党员或中共预备党员", "the member moving in must be a full or probationary party member"))
		}
		if t.Party.JoinedParty.IsZero() {
			own = append(own, hezuo.Invalid(rec, hezuo.FieldJoinedParty, "请按组织关系介绍信填写入党日期", "fill in the joining date as the letter of transfer states it"))
		}
		if t.PartyOrg == "" {
			own = append(own, hezuo.Invalid(rec, store.FieldTransferPartyOrg, "请选择接收的党组织", "choose the receiving party organization"))
		}
		if t.On.IsZero() {
			own = append(own, hezuo.Invalid(rec, store.FieldTransferOn, "请填写转入日期", "fill in the date of the transfer"))
		}
		if utf8.RuneCountInString(t.Origin) > 100 {
			own = append(own, hezuo.Invalid(rec, store.FieldTransferOrigin, "转出党组织名称过长（不超过 100 字）", "the sending organization's name is too long (100 characters at most)"))
		}
		if !t.On.IsZero() {
			own = append(own, notAfterToday(rec, store.FieldTransferOn, "转入日期", "the transfer", t.On, today))
			if t.On.Before(t.Party.JoinedParty) {
				own = append(own, hezuo.Invalid(rec, store.FieldTransferOn, fmt.Sprintf("转入日期 %s 早于入党日期 %s", t.On, t.Party.JoinedParty),
					fmt.Sprintf("the transfer on %s is before the joining date %s", t.On, t.Party.JoinedParty)))
			}
		}
		if t.Person == 0 && t.IDNumber == "" {
			own = append(own, hezuo.Invalid(rec, "id_number", "请填写转入党员的身份证号", "fill in the member's ID number"))
		}
		if err := hezuo.JoinErrors(own...); err != nil {
			return 0, err
		}
		st, err := db.Settings(ctx)
		if err != nil {
			return 0, err
		}
		tx := w.tx
		id := t.Person
		if id == 0 {
			if t.IDNumber == "" {
				return 0, hezuo.Invalid(rec, "id_number", "请填写转入党员的身份证号", "fill in the member's ID number")
			}
			if id, err = db.referredPerson(ctx, tx, a, t.IDNumber, rec, "id_number"); err != nil {
				return 0, err
			}
		}
		p, err := db.personRecord(ctx, tx, a, id, today)
		if err != nil {
			return 0, err
		}
		if err := db.writablePerson(ctx, tx, a, id, rec, "id_number", true); err != nil {
			return 0, err
		}
		// The receiving organization: in a's scope by its seat, existing on
		// the day of the transfer.
		var poID int64
		var seat, poName string
		var poFrom, poTo hezuo.Date
		err = tx.QueryRowContext(ctx, db.rebind(`SELECT id, seat, name, valid_from, valid_to FROM party_orgs WHERE no = ?`), t.PartyOrg).Scan(
			&poID, &seat, &poName, &poFrom, &poTo)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && (!a.ByDivision() || !a.MayWriteAt([]string{seat}))) {
			return 0, hezuo.OutOfReach(rec, store.FieldTransferPartyOrg)
		} else if err != nil {
			return 0, err
		}
		if t.On.Before(poFrom) || (!poTo.IsZero() && !t.On.Before(poTo)) {
			ended, endedEN := "", ""
			if !poTo.IsZero() {
				ended, endedEN = "，"+poTo.String()+" 撤销", ", ended on "+poTo.String()
			}
			return 0, hezuo.Invalid(rec, store.FieldTransferOn, fmt.Sprintf("%s 在 %s 尚未成立或已撤销（%s 成立%s）", poName, t.On, poFrom, ended),
				fmt.Sprintf("%s did not exist on %s (founded on %s%s)", t.PartyOrg, t.On, poFrom, endedEN))
		}
		county := personCounty(&p.Person)
		before, err := db.personSteps(ctx, tx, id, p.IDNumber)
		if err != nil {
			return 0, err
		}
		if err := db.savePartyRecord(ctx, tx, a, now, &p.Person, county, t.Party, st.ProbationMonths, today); err != nil {
			return 0, err
		}
		steps, err := db.personSteps(ctx, tx, id, p.IDNumber)
		if err != nil {
			return 0, err
		}
		moved := false
		for _, s := range steps {
			if s.Status != hezuo.StatusFull && s.Status != hezuo.StatusProbationary {
				continue
			}
			switch {
			case !s.From.Before(t.On):
				_, err = tx.ExecContext(ctx, db.rebind(`UPDATE party_status SET home_party_org_id = ? WHERE id = ?`), poID, s.ID)
			case s.To.IsZero() || s.To.After(t.On):
				// Held elsewhere until the transfer, here from then on.
				if _, err = tx.ExecContext(ctx, db.rebind(`UPDATE party_status SET valid_to = ? WHERE id = ?`), t.On, s.ID); err != nil {
					return 0, err
				}
				_, err = tx.ExecContext(ctx, db.rebind(`INSERT INTO party_status (county, person_id, status, home_party_org_id, valid_from, valid_to, from_unknown)
					VALUES (?, ?, ?, ?, ?, ?, ?)`), county, id, s.Status, poID, t.On, s.To, false)
			default:
				continue
			}
			if err != nil {
				return 0, err
			}
			moved = true
		}
		if !moved { // cannot happen after a valid record's merge; kept as a guard
			return 0, hezuo.Invalid(rec, store.FieldTransferOn, "转入日期不在党员身份期间内", "the transfer date lies outside the party membership")
		}
		after, err := db.personSteps(ctx, tx, id, p.IDNumber)
		if err != nil {
			return 0, err
		}
		origin := t.Origin
		if origin == "" {
			origin = "（未填写）"
		}
		note := fmt.Sprintf("组织关系转入 %s（%s），转入日期 %s，转出党组织：%s / party relation transferred in to %s on %s from %s",
			poName, t.PartyOrg, t.On, origin, t.PartyOrg, t.On, origin)
		if err := w.audit(hezuo.ActionUpdate, "party_status", hezuo.MaskIDNumber(p.IDNumber), p.Village,
			maskSteps(before), maskSteps(after), note); err != nil {
			return 0, err
		}
		return id, nil
	})
}

// maskSteps returns steps with masked ID numbers, for an audit entry.
func maskSteps(steps []hezuo.PartyStatus) []hezuo.PartyStatus {
	out := make([]hezuo.PartyStatus, len(steps))
	for i, s := range steps {
		s.IDNumber = hezuo.MaskIDNumber(s.IDNumber)
		out[i] = s
	}
	return out
}

// TransferSubject returns the name of the person with database id and the
// party record their steps state today, for the transfer-in form: only
// roles that write, only people a may see (ENOTFOUND otherwise).
func (db *DB) TransferSubject(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (string, hezuo.PartyRecord, error) {
	if err := registry.allow(a); err != nil {
		return "", hezuo.PartyRecord{}, err
	}
	p, err := db.personRecord(ctx, db, a, id, today)
	if err != nil {
		return "", hezuo.PartyRecord{}, err
	}
	steps, err := db.personSteps(ctx, db, id, p.IDNumber)
	if err != nil {
		return "", hezuo.PartyRecord{}, err
	}
	return p.Name, hezuo.PartyRecordOf(steps, today), nil
}

// PersonParty returns the party standing today of the person with
// database id, if a may see the person (ENOTFOUND otherwise): the person
// page shows it.
func (db *DB) PersonParty(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (store.PartyStanding, error) {
	p, err := db.personRecord(ctx, db, a, id, today)
	if err != nil {
		return store.PartyStanding{}, err
	}
	steps, err := db.personSteps(ctx, db, id, p.IDNumber)
	if err != nil {
		return store.PartyStanding{}, err
	}
	ps := store.PartyStanding{PartyRecord: hezuo.PartyRecordOf(steps, today)}
	for _, s := range steps {
		if s.ActiveOn(today) && s.HomePartyOrg != "" && ps.Status != "" {
			ps.HomeNo = s.HomePartyOrg
		}
	}
	if ps.HomeNo != "" {
		if err := db.QueryRowContext(ctx, db.rebind(`SELECT name FROM party_orgs WHERE no = ?`), ps.HomeNo).Scan(&ps.HomeName); err != nil {
			return store.PartyStanding{}, err
		}
	}
	return ps, nil
}
