package sqldb

import (
	"context"

	"hezuo"
)

// DumpPlatforms adds the platforms' records of scope to ds, ordered by
// key: the units of its counties and their guarantors; pairings with the
// orgs and villages in scope; households in scope with their pairings,
// links and visits; loans counted in scope with their repayments,
// guarantees and party-fee subsidies; trainings held in scope with their
// attendances; and the meetings and commitments of party organizations
// seated in scope. With Dump's registry records, loading the result into
// an empty database reproduces the same records.
func (db *DB) DumpPlatforms(ctx context.Context, scope hezuo.Scope, ds *hezuo.Dataset) error {
	return db.dumpPlatformsOn(ctx, db.conn, scope, ds)
}

// dumpPlatformsOn is DumpPlatforms read through x (a transaction, or the
// database).
func (db *DB) dumpPlatformsOn(ctx context.Context, x execQuerier, scope hezuo.Scope, ds *hezuo.Dataset) error {
	sa := scopeArgs(scope)
	lo6, hi6 := countyRange(scope)
	q := func(sql string, args []any, scan func(rowScanner) error) func() error {
		return func() error { return db.eachRowOn(ctx, x, sql, args, scan) }
	}
	steps := []func() error{
		q(`SELECT code, name, county, township, department FROM units WHERE county BETWEEN ? AND ? ORDER BY code`, []any{lo6, hi6}, collect(&ds.Units, func(r rowScanner, u *hezuo.Unit) error {
			return r.Scan(&u.Code, &u.Name, &u.County, &u.Township, &u.Department)
		})),
		q(`SELECT pe.id_sealed, u.code, g.post FROM guarantors g JOIN people pe ON pe.id = g.person_id JOIN units u ON u.id = g.unit_id
			WHERE u.county BETWEEN ? AND ? ORDER BY pe.id`, []any{lo6, hi6}, collect(&ds.Guarantors, func(r rowScanner, g *hezuo.Guarantor) error {
			return r.Scan(db.opened(&g.IDNumber), &g.Unit, &g.Post)
		})),
		q(`SELECT u.code, coalesce(o.org_no, ''), coalesce(up.village, ''), up.note, up.valid_from, up.valid_to FROM unit_pairings up
			JOIN units u ON u.id = up.unit_id LEFT JOIN orgs o ON o.id = up.org_id
			WHERE coalesce(o.village, up.village) BETWEEN ? AND ? ORDER BY u.code, up.target, up.valid_from`, sa, collect(&ds.UnitPairings, func(r rowScanner, p *hezuo.UnitPairing) error {
			return r.Scan(&p.Unit, &p.OrgNo, &p.Village, &p.Note, &p.From, &p.To)
		})),
		q(`SELECT no, head, village, size, poverty, left_poverty_on, people_out FROM households WHERE village BETWEEN ? AND ? ORDER BY no`, sa, collect(&ds.Households, func(r rowScanner, h *hezuo.Household) error {
			return r.Scan(&h.No, &h.Head, &h.Village, &h.Size, &h.Poverty, &h.LeftPovertyOn, &h.PeopleOut)
		})),
		q(`SELECT pe.id_sealed, h.no, coalesce(o.org_no, ''), hp.help, hp.valid_from, hp.valid_to FROM household_pairings hp
			JOIN people pe ON pe.id = hp.person_id JOIN households h ON h.id = hp.household_id LEFT JOIN orgs o ON o.id = hp.org_id
			WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, hp.valid_from`, sa, collect(&ds.HouseholdPairings, func(r rowScanner, p *hezuo.HouseholdPairing) error {
			return r.Scan(db.opened(&p.IDNumber), &p.Household, &p.OrgNo, &p.Help, &p.From, &p.To)
		})),
		q(`SELECT pe.id_sealed, h.no, cl.valid_from, cl.valid_to FROM contact_links cl JOIN people pe ON pe.id = cl.person_id
			JOIN households h ON h.id = cl.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, cl.valid_from`, sa, collect(&ds.ContactLinks, func(r rowScanner, c *hezuo.ContactLink) error {
			return r.Scan(db.opened(&c.IDNumber), &c.Household, &c.From, &c.To)
		})),
		q(`SELECT pe.id_sealed, h.no, v.visited_on, v.note FROM contact_visits v JOIN people pe ON pe.id = v.person_id
			JOIN households h ON h.id = v.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, v.visited_on`, sa, collect(&ds.ContactVisits, func(r rowScanner, v *hezuo.ContactVisit) error {
			return r.Scan(db.opened(&v.IDNumber), &v.Household, &v.VisitedOn, &v.Note)
		})),
		func() error { return db.dumpLoans(ctx, x, sa, ds) },
		q(`SELECT t.no, t.held_on, t.topic, u.code, t.industry, t.mode, t.hours, t.place FROM trainings t JOIN units u ON u.id = t.organizer_id
			WHERE t.place BETWEEN ? AND ? ORDER BY t.no`, sa, collect(&ds.Trainings, func(r rowScanner, t *hezuo.Training) error {
			return r.Scan(&t.No, &t.HeldOn, &t.Topic, &t.Organizer, &t.Industry, &t.Mode, &t.Hours, &t.Place)
		})),
		q(`SELECT t.no, pe.id_sealed, coalesce(o.org_no, '') FROM training_attendances a JOIN trainings t ON t.id = a.training_id
			JOIN people pe ON pe.id = a.person_id LEFT JOIN orgs o ON o.id = a.org_id
			WHERE t.place BETWEEN ? AND ? ORDER BY t.no, pe.id`, sa, collect(&ds.TrainingAttendances, func(r rowScanner, a *hezuo.TrainingAttendance) error {
			return r.Scan(&a.Training, db.opened(&a.IDNumber), &a.OrgNo)
		})),
		func() error { return db.dumpLife(ctx, x, sa, ds) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	ds.SortByIDNumber() // by ID number, opened
	return nil
}

func (db *DB) dumpLoans(ctx context.Context, x execQuerier, sa []any, ds *hezuo.Dataset) error {
	err := db.eachRowOn(ctx, x, `SELECT l.no, coalesce(pe.id_sealed, ''), coalesce(po.no, ''), coalesce(o.org_no, ''), l.purpose,
			l.for_cooperative, l.lender, l.amount_fen, l.rate_ppm, l.term_months, l.applied_on, l.approved_on, l.rejected_on,
			l.disbursed_on, l.due_on, l.households_driven, l.note
		FROM loans l LEFT JOIN people pe ON pe.id = l.borrower_id LEFT JOIN party_orgs po ON po.id = l.party_org_id
		LEFT JOIN orgs o ON o.id = l.org_id WHERE l.village BETWEEN ? AND ? ORDER BY l.no`, sa, func(r rowScanner) error {
		var l hezuo.Loan
		err := r.Scan(&l.No, db.opened(&l.Borrower), &l.PartyOrg, &l.OrgNo, &l.Purpose, &l.ForCooperative, &l.Lender, &l.AmountFen, &l.RatePPM,
			&l.TermMonths, &l.AppliedOn, &l.ApprovedOn, &l.RejectedOn, &l.DisbursedOn, &l.DueOn, &l.HouseholdsDriven, &l.Note)
		ds.Loans = append(ds.Loans, l)
		return err
	})
	if err != nil {
		return err
	}
	err = db.eachRowOn(ctx, x, `SELECT l.no, r.paid_on, r.principal_fen, r.interest_fen FROM loan_repayments r JOIN loans l ON l.id = r.loan_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, r.paid_on`, sa, collect(&ds.Repayments, func(r rowScanner, x *hezuo.Repayment) error {
		return r.Scan(&x.LoanNo, &x.PaidOn, &x.PrincipalFen, &x.InterestFen)
	}))
	if err != nil {
		return err
	}
	err = db.eachRowOn(ctx, x, `SELECT l.no, pe.id_sealed, g.amount_fen FROM loan_guarantees g JOIN loans l ON l.id = g.loan_id
		JOIN guarantors gu ON gu.id = g.guarantor_id JOIN people pe ON pe.id = gu.person_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, pe.id`, sa, collect(&ds.Guarantees, func(r rowScanner, g *hezuo.Guarantee) error {
		return r.Scan(&g.LoanNo, db.opened(&g.IDNumber), &g.AmountFen)
	}))
	if err != nil {
		return err
	}
	return db.eachRowOn(ctx, x, `SELECT l.no, f.paid_on, f.amount_fen, f.source, f.note FROM loan_fee_subsidies f JOIN loans l ON l.id = f.loan_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, f.paid_on, f.source`, sa, collect(&ds.FeeSubsidies, func(r rowScanner, f *hezuo.FeeSubsidy) error {
		return r.Scan(&f.LoanNo, &f.PaidOn, &f.AmountFen, &f.Source, &f.Note)
	}))
}

func (db *DB) dumpLife(ctx context.Context, x execQuerier, sa []any, ds *hezuo.Dataset) error {
	err := db.eachRowOn(ctx, x, `SELECT po.no, m.kind, m.held_on, m.topic, coalesce(v.no, ''), m.participants, m.decisions FROM meetings m
		JOIN party_orgs po ON po.id = m.party_org_id LEFT JOIN party_orgs v ON v.id = m.village_party_org_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY po.no, m.kind, m.held_on`, sa, collect(&ds.Meetings, func(r rowScanner, m *hezuo.Meeting) error {
		return r.Scan(&m.PartyOrg, &m.Kind, &m.HeldOn, &m.Topic, &m.VillagePartyOrg, &m.Participants, &m.Decisions)
	}))
	if err != nil {
		return err
	}
	err = db.eachRowOn(ctx, x, `SELECT po.no, m.kind, m.held_on, pe.id_sealed FROM meeting_attendances a JOIN meetings m ON m.id = a.meeting_id
		JOIN party_orgs po ON po.id = m.party_org_id JOIN people pe ON pe.id = a.person_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY po.no, m.kind, m.held_on, pe.id`, sa, collect(&ds.MeetingAttendances, func(r rowScanner, a *hezuo.MeetingAttendance) error {
		return r.Scan(&a.PartyOrg, &a.Kind, &a.HeldOn, db.opened(&a.IDNumber))
	}))
	if err != nil {
		return err
	}
	return db.eachRowOn(ctx, x, `SELECT pe.id_sealed, c.year, po.no, c.made_on, c.content, c.fulfilled_on, c.result, c.evidence
		FROM commitments c JOIN people pe ON pe.id = c.person_id JOIN party_orgs po ON po.id = c.party_org_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY pe.id, c.year`, sa, collect(&ds.Commitments, func(r rowScanner, c *hezuo.Commitment) error {
		return r.Scan(db.opened(&c.IDNumber), &c.Year, &c.PartyOrg, &c.MadeOn, &c.Content, &c.FulfilledOn, &c.Result, &c.Evidence)
	}))
}
