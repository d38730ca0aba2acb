package sqldb

import (
	"strconv"

	"hezuo"
)

// auditPlaces gives the division an import's audit entry is filed under
// (what the audit log's scope filter reads), by the key of the record that
// places it: the stored records (auditBefore) overlaid with those written.
type auditPlaces struct {
	orgs, people, partyOrgs, households, trainings, units, loans map[string]string
}

// auditPlacesOf indexes the places of have and ds; a person without a home
// village is placed by an org of theirs (one ds makes them a member of,
// else a stored one), an instructor's township or a guarantor's unit. The villages of orgs neither holds are read in the
// transaction; loans are placed after the writes (loanPlaces).
func (l *importer) auditPlacesOf(ds, have *hezuo.Dataset) (*auditPlaces, error) {
	p := &auditPlaces{orgs: map[string]string{}, people: map[string]string{}, partyOrgs: map[string]string{},
		households: map[string]string{}, trainings: map[string]string{}, units: map[string]string{}, loans: map[string]string{}}
	for _, d := range []*hezuo.Dataset{have, ds} {
		for _, o := range d.Orgs {
			p.orgs[o.OrgNo] = o.Village
		}
		for _, x := range d.People {
			p.people[x.IDNumber] = x.Village
		}
		for _, o := range d.PartyOrgs {
			p.partyOrgs[o.No] = o.Seat
		}
		for _, h := range d.Households {
			p.households[h.No] = h.Village
		}
		for _, t := range d.Trainings {
			p.trainings[t.No] = t.Place
		}
		for i := range d.Units {
			p.units[d.Units[i].Code] = d.Units[i].Seat()
		}
	}
	var missing keySet
	for _, ms := range [][]hezuo.Membership{ds.Memberships, have.Memberships} {
		for _, m := range ms {
			if _, ok := p.orgs[m.OrgNo]; !ok && p.people[m.IDNumber] == "" {
				missing.add(m.OrgNo)
			}
		}
	}
	err := l.db.eachInOn(l.ctx, l.tx, `SELECT org_no, village FROM orgs WHERE org_no IN (%s)`, missing.list, func(r rowScanner) error {
		var no, v string
		err := r.Scan(&no, &v)
		p.orgs[no] = v
		return err
	})
	for _, ms := range [][]hezuo.Membership{ds.Memberships, have.Memberships} {
		for _, m := range ms {
			if p.people[m.IDNumber] == "" {
				p.people[m.IDNumber] = p.orgs[m.OrgNo]
			}
		}
	}
	// Instructors and guarantors (imported as people too) by their township
	// or unit.
	for _, in := range ds.Instructors {
		if p.people[in.IDNumber] == "" && in.Township != "" {
			p.people[in.IDNumber] = in.Township + "000"
		}
	}
	for _, g := range ds.Guarantors {
		if p.people[g.IDNumber] == "" {
			p.people[g.IDNumber] = p.units[g.Unit]
		}
	}
	return p, err
}

// loanPlaces reads, after the writes, the villages the loans ds speaks of
// are counted in (the loan writer works them out from the org, borrower or
// party organization).
func (l *importer) loanPlaces(ds *hezuo.Dataset, p *auditPlaces) error {
	var nos keySet
	for _, x := range ds.Loans {
		nos.add(x.No)
	}
	for _, x := range ds.Repayments {
		nos.add(x.LoanNo)
	}
	for _, x := range ds.Guarantees {
		nos.add(x.LoanNo)
	}
	for _, x := range ds.FeeSubsidies {
		nos.add(x.LoanNo)
	}
	return l.db.eachInOn(l.ctx, l.tx, `SELECT no, village FROM loans WHERE no IN (%s)`, nos.list, func(r rowScanner) error {
		var no, v string
		err := r.Scan(&no, &v)
		p.loans[no] = v
		return err
	})
}

// auditPlatforms appends the entries of ds's platform records.
func auditPlatforms(rows []auditRow, ds, have *hezuo.Dataset, p *auditPlaces) []auditRow {
	rows = auditCollect(rows, auditSpec[hezuo.Unit]{entity: "unit",
		keys: func(u *hezuo.Unit) []string { return []string{u.Code} },
		show: func(u *hezuo.Unit) (string, string) { return u.Code, u.Seat() },
	}, ds.Units, have.Units)
	rows = auditCollect(rows, auditSpec[hezuo.UnitPairing]{entity: "unit_pairing",
		keys: func(u *hezuo.UnitPairing) []string { return []string{key(u.Unit, u.Target(), u.From.String())} },
		show: func(u *hezuo.UnitPairing) (string, string) {
			if u.Village != "" {
				return u.Unit + "→" + u.Target(), u.Village
			}
			return u.Unit + "→" + u.Target(), p.orgs[u.OrgNo]
		},
	}, ds.UnitPairings, have.UnitPairings)
	rows = auditCollect(rows, auditSpec[hezuo.Household]{entity: "household",
		keys: func(h *hezuo.Household) []string { return []string{h.No} },
		show: func(h *hezuo.Household) (string, string) { return h.No, h.Village },
	}, ds.Households, have.Households)
	rows = auditCollect(rows, auditSpec[hezuo.HouseholdPairing]{entity: "household_pairing",
		keys: func(h *hezuo.HouseholdPairing) []string {
			return []string{key(h.IDNumber, h.Household, h.From.String())}
		},
		show: func(h *hezuo.HouseholdPairing) (string, string) {
			return h.IDNumber + "→" + h.Household, p.households[h.Household]
		},
	}, ds.HouseholdPairings, have.HouseholdPairings)
	rows = auditCollect(rows, auditSpec[hezuo.Guarantor]{entity: "guarantor",
		keys: func(g *hezuo.Guarantor) []string { return []string{g.IDNumber} },
		show: func(g *hezuo.Guarantor) (string, string) { return g.IDNumber, p.units[g.Unit] },
	}, ds.Guarantors, have.Guarantors)
	rows = auditLoans(rows, ds, have, p)
	rows = auditCollect(rows, auditSpec[hezuo.Training]{entity: "training",
		keys: func(t *hezuo.Training) []string { return []string{t.No} },
		show: func(t *hezuo.Training) (string, string) { return t.No, t.Place },
	}, ds.Trainings, have.Trainings)
	rows = auditCollect(rows, auditSpec[hezuo.TrainingAttendance]{entity: "training_attendance",
		keys: func(a *hezuo.TrainingAttendance) []string { return []string{key(a.Training, a.IDNumber)} },
		show: func(a *hezuo.TrainingAttendance) (string, string) {
			return a.Training + " " + a.IDNumber, p.trainings[a.Training]
		},
	}, ds.TrainingAttendances, have.TrainingAttendances)
	return auditLife(rows, ds, have, p)
}

// auditLoans appends the entries of ds's loans and their repayments,
// guarantees and party-fee subsidies.
func auditLoans(rows []auditRow, ds, have *hezuo.Dataset, p *auditPlaces) []auditRow {
	rows = auditCollect(rows, auditSpec[hezuo.Loan]{entity: "loan",
		keys: func(l *hezuo.Loan) []string { return []string{l.No} },
		show: func(l *hezuo.Loan) (string, string) { return l.No, p.loans[l.No] },
		view: func(l hezuo.Loan) any { return loanAuditView(l) },
	}, ds.Loans, have.Loans)
	rows = auditCollect(rows, auditSpec[hezuo.Repayment]{entity: "repayment",
		keys: func(r *hezuo.Repayment) []string { return []string{key(r.LoanNo, r.PaidOn.String())} },
		show: func(r *hezuo.Repayment) (string, string) {
			return r.LoanNo + " " + r.PaidOn.String(), p.loans[r.LoanNo]
		},
	}, ds.Repayments, have.Repayments)
	rows = auditCollect(rows, auditSpec[hezuo.Guarantee]{entity: "guarantee",
		keys: func(g *hezuo.Guarantee) []string { return []string{key(g.LoanNo, g.IDNumber)} },
		show: func(g *hezuo.Guarantee) (string, string) { return g.LoanNo + " " + g.IDNumber, p.loans[g.LoanNo] },
	}, ds.Guarantees, have.Guarantees)
	return auditCollect(rows, auditSpec[hezuo.FeeSubsidy]{entity: "fee_subsidy",
		keys: func(f *hezuo.FeeSubsidy) []string { return []string{key(f.LoanNo, f.PaidOn.String(), f.Source)} },
		show: func(f *hezuo.FeeSubsidy) (string, string) {
			return f.LoanNo + " " + f.PaidOn.String() + " " + f.Source, p.loans[f.LoanNo]
		},
	}, ds.FeeSubsidies, have.FeeSubsidies)
}

// auditLife appends the entries of ds's meetings, attendances, household
// links and visits, and commitments.
func auditLife(rows []auditRow, ds, have *hezuo.Dataset, p *auditPlaces) []auditRow {
	rows = auditCollect(rows, auditSpec[hezuo.Meeting]{entity: "meeting",
		keys: func(m *hezuo.Meeting) []string { return []string{m.Key()} },
		show: func(m *hezuo.Meeting) (string, string) { return m.Key(), p.partyOrgs[m.PartyOrg] },
	}, ds.Meetings, have.Meetings)
	rows = auditCollect(rows, auditSpec[hezuo.MeetingAttendance]{entity: "meeting_attendance",
		keys: func(a *hezuo.MeetingAttendance) []string {
			return []string{key(a.PartyOrg, a.Kind, a.HeldOn.String(), a.IDNumber)}
		},
		show: func(a *hezuo.MeetingAttendance) (string, string) {
			return a.PartyOrg + "/" + a.Kind + "/" + a.HeldOn.String() + " " + a.IDNumber, p.partyOrgs[a.PartyOrg]
		},
	}, ds.MeetingAttendances, have.MeetingAttendances)
	rows = auditCollect(rows, auditSpec[hezuo.ContactLink]{entity: "contact_link",
		keys: func(c *hezuo.ContactLink) []string { return []string{key(c.IDNumber, c.Household, c.From.String())} },
		show: func(c *hezuo.ContactLink) (string, string) {
			return c.IDNumber + "→" + c.Household, p.households[c.Household]
		},
	}, ds.ContactLinks, have.ContactLinks)
	rows = auditCollect(rows, auditSpec[hezuo.ContactVisit]{entity: "contact_visit",
		keys: func(c *hezuo.ContactVisit) []string {
			return []string{key(c.IDNumber, c.Household, c.VisitedOn.String())}
		},
		show: func(c *hezuo.ContactVisit) (string, string) {
			return c.IDNumber + "→" + c.Household + " " + c.VisitedOn.String(), p.households[c.Household]
		},
	}, ds.ContactVisits, have.ContactVisits)
	return auditCollect(rows, auditSpec[hezuo.Commitment]{entity: "commitment",
		keys: func(c *hezuo.Commitment) []string { return []string{key(c.IDNumber, strconv.Itoa(c.Year))} },
		show: func(c *hezuo.Commitment) (string, string) {
			return c.IDNumber + "/" + strconv.Itoa(c.Year), p.partyOrgs[c.PartyOrg]
		},
	}, ds.Commitments, have.Commitments)
}
