package sqldb

import (
	"hezuo"
	"hezuo/sqldb/internal/sqlx"
)

// Reading party organizations whole (Dump and an import's Existing): a
// record, then the orgs and villages it covers and its elections.

// partyOrgsFrom selects a party organization's id and fields, as
// scanPartyOrg reads them, from p; a WHERE clause follows.
const partyOrgsFrom = `SELECT p.id, p.no, p.name, p.form, p.joint_kind, p.seat, coalesce(pa.no, ''), coalesce(ma.no, ''),
	p.founding_method, p.term_years, p.elected_on, p.valid_from, p.valid_to
	FROM party_orgs p LEFT JOIN party_orgs pa ON pa.id = p.parent_id LEFT JOIN party_orgs ma ON ma.id = p.manager_id`

// scanPartyOrg reads a row of partyOrgsFrom: the id into id, the rest into
// p.
func scanPartyOrg(r rowScanner, id *int64, p *hezuo.PartyOrg) error {
	return r.Scan(id, &p.No, &p.Name, &p.Form, &p.JointKind, &p.Seat, &p.Parent, &p.Manager, &p.FoundingMethod,
		&p.TermYears, &p.ElectedOn, &p.From, &p.To)
}

// partyOrgParts adds to the party organizations of ds (idx: id → index in
// ds.PartyOrgs) the orgs and villages they cover and their elections, listed
// when ElectedOn alone does not tell them. each runs a query on the party
// organizations of idx, whose ids stand for %s in it.
func partyOrgParts(each func(q string, fn func(rowScanner) error) error, idx map[int64]int, ds *hezuo.Dataset) error {
	// values appends to the list of each party organization the value of
	// q's row (its id, the value).
	values := func(q string, list func(*hezuo.PartyOrg) *[]string) error {
		return each(q, sqlx.Keyed(func(id int64, v string) {
			l := list(&ds.PartyOrgs[idx[id]])
			*l = append(*l, v)
		}))
	}
	err := values(`SELECT l.party_org_id, o.org_no FROM party_org_orgs l JOIN orgs o ON o.id = l.org_id
		WHERE l.party_org_id IN (%s) ORDER BY l.party_org_id, o.org_no`, func(p *hezuo.PartyOrg) *[]string { return &p.Orgs })
	if err != nil {
		return err
	}
	err = values(`SELECT party_org_id, village FROM party_org_villages WHERE party_org_id IN (%s)
		ORDER BY party_org_id, village`, func(p *hezuo.PartyOrg) *[]string { return &p.Villages })
	if err != nil {
		return err
	}
	err = each(`SELECT party_org_id, elected_on, note FROM party_org_elections WHERE party_org_id IN (%s)
		ORDER BY party_org_id, elected_on`, func(r rowScanner) error {
		var id int64
		var e hezuo.Election
		if err := r.Scan(&id, &e.On, &e.Note); err != nil {
			return err
		}
		p := &ds.PartyOrgs[idx[id]]
		p.Elections = append(p.Elections, e)
		return nil
	})
	omitPlainElections(ds)
	return err
}
