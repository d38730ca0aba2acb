package sqldb

import (
	"context"
	"fmt"
	"strings"
	"time"

	"hezuo"
)

// Elections (换届) are dated rows of party_org_elections; party_orgs.elected_on
// is the latest of them, as hezuo.PartyOrg.ElectedOn is. Every write of a
// party organization keeps the two in step through writeElections; the
// term rule on a day reads the latest election on or before the day
// (electedOnAt in the direct facts, poValue.elected in the summaries).

// electedOnAt is the expression of party organization p's latest election
// on or before a day given as its one argument.
const electedOnAt = `(SELECT max(e.elected_on) FROM party_org_elections e WHERE e.party_org_id = p.id AND e.elected_on <= ?)`

// writeElections makes the elections of party organization id agree with
// p: elections after p.ElectedOn (the latest) are dropped, all of them when
// it is zero, and ElectedOn is added. When p lists its Elections, they are
// its history: those stored on other days are dropped, those listed added
// (a note given replaces the one stored; a day listed without one keeps
// it). Without a list (a form, a sheet without 历次换届日期) the earlier
// elections stay.
func writeElections(exec func(q string, args ...any) error, id int64, p *hezuo.PartyOrg) error {
	county := p.Seat[:6]
	if p.ElectedOn.IsZero() {
		return exec(`DELETE FROM party_org_elections WHERE party_org_id = ?`, id)
	}
	if err := exec(`DELETE FROM party_org_elections WHERE party_org_id = ? AND elected_on > ?`, id, p.ElectedOn); err != nil {
		return err
	}
	if len(p.Elections) > 0 {
		days := p.ElectionDays()
		args := []any{id}
		for _, d := range days {
			args = append(args, d)
		}
		if err := exec(`DELETE FROM party_org_elections WHERE party_org_id = ? AND elected_on NOT IN (`+inList(len(days))+`)`, args...); err != nil {
			return err
		}
	}
	notes := map[string]string{}
	for _, e := range p.Elections {
		if e.Note != "" {
			notes[e.On.String()] = e.Note
		}
	}
	for _, d := range p.ElectionDays() {
		q := `INSERT INTO party_org_elections (party_org_id, county, elected_on, note) VALUES (?, ?, ?, ?)
			ON CONFLICT (party_org_id, elected_on) DO NOTHING`
		if n := notes[d.String()]; n != "" {
			q = `INSERT INTO party_org_elections (party_org_id, county, elected_on, note) VALUES (?, ?, ?, ?)
				ON CONFLICT (party_org_id, elected_on) DO UPDATE SET note = excluded.note`
		}
		if err := exec(q, id, county, d, notes[d.String()]); err != nil {
			return err
		}
	}
	return nil
}

// elections returns the elections of party organization id, oldest first.
func (db *DB) elections(ctx context.Context, q querier, id int64) ([]hezuo.Election, error) {
	var out []hezuo.Election
	err := db.eachRowOn(ctx, q, `SELECT elected_on, note FROM party_org_elections WHERE party_org_id = ? ORDER BY elected_on`,
		[]any{id}, collect(&out, func(r rowScanner, e *hezuo.Election) error {
			return r.Scan(&e.On, &e.Note)
		}))
	return out, err
}

// RegisterElection records an election (换届) of the party organization no,
// held on e.On, as a: a role that writes, the party organization seated in
// a's scope (ENOTFOUND otherwise, as for its edit form) and version the
// version read (ECONFLICT when stale). The day must lie within the party
// organization's life and not after today; one already recorded is
// ECONFLICT. The latest election becomes its ElectedOn; an earlier one
// fills in its history. One transaction with its audit entry (an update of
// the party organization, its elections before and after); the summaries
// are refreshed in it. It returns the new version.
func (db *DB) RegisterElection(ctx context.Context, a *hezuo.Access, no string, e hezuo.Election, version int, now time.Time) (int, error) {
	return writeFor(ctx, db, registry, a, clockAt(now), func(w *unit) (int, error) {
		rec := "党组织 " + no
		e.Note = strings.TrimSpace(e.Note)
		if err := hezuo.Bounded(rec, &e, w.today); err != nil {
			return 0, err
		}
		if e.On.IsZero() {
			return 0, hezuo.Invalid(rec, "elected_on", "请填写换届日期", "enter the day of the election")
		}
		if err := notAfterToday(rec, "elected_on", "换届日期", "the election", e.On, w.today); err != nil {
			return 0, err
		}
		tx := w.tx
		before, err := db.partyOrgRecord(ctx, tx, a, no, w.today)
		if err != nil {
			return 0, err
		}
		if !a.MayWriteAt([]string{before.Seat}) {
			return 0, notFound("党组织", "party organization", no)
		}
		if before.Version != version {
			return 0, stale("该党组织", "this party organization")
		}
		if e.On.Before(before.From) || (!before.To.IsZero() && !e.On.Before(before.To)) {
			return 0, hezuo.Invalid(rec, "elected_on", fmt.Sprintf("换届日期 %s 不在该党组织存续期间（%s 起）", e.On, before.From),
				fmt.Sprintf("the election on %s lies outside the party organization's life (from %s)", e.On, before.From))
		}
		for _, x := range before.Elections {
			if x.On.Equal(e.On) {
				return 0, fieldError(hezuo.ECONFLICT, rec, "elected_on", fmt.Sprintf("%s 的换届已登记", e.On), fmt.Sprintf("the election on %s is already recorded", e.On))
			}
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`INSERT INTO party_org_elections (party_org_id, county, elected_on, note) VALUES (?, ?, ?, ?)`),
			before.ID, before.Seat[:6], e.On, e.Note); err != nil {
			return 0, err
		}
		latest := before.ElectedOn
		if latest.IsZero() || e.On.After(latest) {
			latest = e.On
		}
		res, err := tx.ExecContext(ctx, db.rebind(`UPDATE party_orgs SET elected_on = ?, version = version + 1 WHERE id = ? AND version = ?`),
			latest, before.ID, version)
		if err != nil {
			return 0, err
		}
		if n, err := res.RowsAffected(); err != nil {
			return 0, err
		} else if n != 1 { // saved by another in between
			return 0, stale("该党组织", "this party organization")
		}
		after, err := db.partyOrgRecord(ctx, tx, a, no, w.today)
		if err != nil {
			return 0, err
		}
		return after.Version, w.audit(hezuo.ActionUpdate, "party_org", no, before.Seat, before, after, "换届 "+e.On.String())
	})
}

// omitPlainElections drops the election lists that ElectedOn alone tells
// (one election, no note), as Dump lists them and the import compares them.
func omitPlainElections(ds *hezuo.Dataset) {
	for i := range ds.PartyOrgs {
		if p := &ds.PartyOrgs[i]; len(p.Elections) == 1 && p.Elections[0].Note == "" {
			p.Elections = nil
		}
	}
}
