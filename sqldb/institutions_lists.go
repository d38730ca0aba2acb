package sqldb

import (
	"context"

	"hezuo"
	"hezuo/store"
)

const commitmentCols = `SELECT c.id, pe.id, pe.name, p.no, p.name, c.year, c.made_on, c.content, c.fulfilled_on, c.result, c.evidence
	FROM commitments c JOIN people pe ON pe.id = c.person_id JOIN party_orgs p ON p.id = c.party_org_id`

func scanCommitment(r rowScanner, c *store.CommitmentItem) error {
	return r.Scan(&c.ID, &c.PersonID, &c.Name, &c.PartyOrg, &c.PartyOrgName, &c.Year, &c.MadeOn, &c.Content, &c.FulfilledOn, &c.Result, &c.Evidence)
}

// ListCommitments returns one page of the commitments made in party
// organizations a reaches in the requested scope, newest year first, and
// their number.
func (db *DB) ListCommitments(ctx context.Context, a *hezuo.Access, f store.CommitmentFilter, today hezuo.Date) ([]store.CommitmentItem, int, error) {
	scope, err := requestScope(a, f.Scope)
	if err != nil {
		return nil, 0, err
	}
	in, inArgs := reachPartyOrgs(a, scope, today)
	w := (&where{}).add("c.party_org_id IN ("+in+")", inArgs...)
	if f.Year != 0 {
		w.add("c.year = ?", f.Year)
	}
	w.eq("p.no", f.PartyOrg)
	if f.Pending {
		w.add("c.fulfilled_on IS NULL")
	}
	total, err := db.countWhere(ctx, `FROM commitments c JOIN party_orgs p ON p.id = c.party_org_id`, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(f.Page, f.PerPage)
	var out []store.CommitmentItem
	err = db.eachRow(ctx, commitmentCols+` WHERE `+w.String()+` ORDER BY c.year DESC, p.no, pe.name, c.id LIMIT ? OFFSET ?`,
		append(w.args, per, off), func(r rowScanner) error {
			var c store.CommitmentItem
			err := scanCommitment(r, &c)
			out = append(out, c)
			return err
		})
	return out, total, err
}

// GetCommitment returns the commitment with database id if its party
// organization is within a's reach (else ENOTFOUND).
func (db *DB) GetCommitment(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*store.CommitmentItem, error) {
	in, inArgs := reachPartyOrgs(a, a.Scope, today)
	c := &store.CommitmentItem{}
	err := scanCommitment(db.QueryRowContext(ctx, db.rebind(commitmentCols+` WHERE c.id = ? AND c.party_org_id IN (`+in+`)`),
		append([]any{id}, inArgs...)...), c)
	if err != nil {
		return nil, notFoundIfNoRows(err, "党员承诺", "commitment", itoa(id))
	}
	return c, nil
}

// ListContacts returns one page of the household links of members of the
// orgs a reaches in the requested scope that are active on day, and their
// number.
func (db *DB) ListContacts(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date, page, perPage int) ([]store.ContactItem, int, error) {
	scope, err := requestScope(a, req)
	if err != nil {
		return nil, 0, err
	}
	ow := orgAccess(a, day)
	ow.add("o.village BETWEEN ? AND ?", scopeArgs(scope)...)
	w := (&where{}).add(`cl.person_id IN (SELECT m.person_id FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE `+ow.String()+`)`, ow.args...)
	w.addPair(active("cl", day))
	total, err := db.countWhere(ctx, `FROM contact_links cl`, w)
	if err != nil {
		return nil, 0, err
	}
	per, off := pageBounds(page, perPage)
	var out []store.ContactItem
	err = db.eachRow(ctx, `SELECT pe.id, pe.name, h.no, h.head, cl.valid_from, cl.valid_to,
			(SELECT count(*) FROM contact_visits v WHERE v.person_id = cl.person_id AND v.household_id = cl.household_id AND v.visited_on <= ?),
			(SELECT max(v.visited_on) FROM contact_visits v WHERE v.person_id = cl.person_id AND v.household_id = cl.household_id AND v.visited_on <= ?)
		FROM contact_links cl JOIN people pe ON pe.id = cl.person_id JOIN households h ON h.id = cl.household_id
		WHERE `+w.String()+` ORDER BY pe.name, pe.id, h.no LIMIT ? OFFSET ?`, append(append([]any{day, day}, w.args...), per, off), collect(&out, func(r rowScanner, c *store.ContactItem) error {
		return r.Scan(&c.PersonID, &c.Name, &c.Household, &c.Head, &c.From, &c.To, &c.Visits, &c.LastVisit)
	}))
	return out, total, err
}
