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
		q(`SELECT code, name, county, township, department FROM units WHERE county BETWEEN ? AND ? ORDER BY code`, []any{lo6, hi6}, func(r rowScanner) error {
			var u hezuo.Unit
			err := r.Scan(&u.Code, &u.Name, &u.County, &u.Township, &u.Department)
			ds.Units = append(ds.Units, u)
			return err
		}),
		q(`SELECT pe.id_sealed, u.code, g.post FROM guarantors g JOIN people pe ON pe.id = g.person_id JOIN units u ON u.id = g.unit_id
			WHERE u.county BETWEEN ? AND ? ORDER BY pe.id`, []any{lo6, hi6}, func(r rowScanner) error {
			var g hezuo.Guarantor
			err := r.Scan(db.opened(&g.IDNumber), &g.Unit, &g.Post)
			ds.Guarantors = append(ds.Guarantors, g)
			return err
		}),
		q(`SELECT u.code, coalesce(o.org_no, ''), coalesce(up.village, ''), up.note, up.valid_from, up.valid_to FROM unit_pairings up
			JOIN units u ON u.id = up.unit_id LEFT JOIN orgs o ON o.id = up.org_id
			WHERE coalesce(o.village, up.village) BETWEEN ? AND ? ORDER BY u.code, up.target, up.valid_from`, sa, func(r rowScanner) error {
			var p hezuo.UnitPairing
			err := r.Scan(&p.Unit, &p.OrgNo, &p.Village, &p.Note, &p.From, &p.To)
			ds.UnitPairings = append(ds.UnitPairings, p)
			return err
		}),
		q(`SELECT no, head, village, size, poverty, left_poverty_on, people_out FROM households WHERE village BETWEEN ? AND ? ORDER BY no`, sa, func(r rowScanner) error {
			var h hezuo.Household
			err := r.Scan(&h.No, &h.Head, &h.Village, &h.Size, &h.Poverty, &h.LeftPovertyOn, &h.PeopleOut)
			ds.Households = append(ds.Households, h)
			return err
		}),
		q(`SELECT pe.id_sealed, h.no, coalesce(o.org_no, ''), hp.help, hp.valid_from, hp.valid_to FROM household_pairings hp
			JOIN people pe ON pe.id = hp.person_id JOIN households h ON h.id = hp.household_id LEFT JOIN orgs o ON o.id = hp.org_id
			WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, hp.valid_from`, sa, func(r rowScanner) error {
			var p hezuo.HouseholdPairing
			err := r.Scan(db.opened(&p.IDNumber), &p.Household, &p.OrgNo, &p.Help, &p.From, &p.To)
			ds.HouseholdPairings = append(ds.HouseholdPairings, p)
			return err
		}),
		q(`SELECT pe.id_sealed, h.no, cl.valid_from, cl.valid_to FROM contact_links cl JOIN people pe ON pe.id = cl.person_id
			JOIN households h ON h.id = cl.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, cl.valid_from`, sa, func(r rowScanner) error {
			var c hezuo.ContactLink
			err := r.Scan(db.opened(&c.IDNumber), &c.Household, &c.From, &c.To)
			ds.ContactLinks = append(ds.ContactLinks, c)
			return err
		}),
		q(`SELECT pe.id_sealed, h.no, v.visited_on, v.note FROM contact_visits v JOIN people pe ON pe.id = v.person_id
			JOIN households h ON h.id = v.household_id WHERE h.village BETWEEN ? AND ? ORDER BY h.no, pe.id, v.visited_on`, sa, func(r rowScanner) error {
			var v hezuo.ContactVisit
			err := r.Scan(db.opened(&v.IDNumber), &v.Household, &v.VisitedOn, &v.Note)
			ds.ContactVisits = append(ds.ContactVisits, v)
			return err
		}),
		func() error { return db.dumpLoans(ctx, x, sa, ds) },
		q(`SELECT t.no, t.held_on, t.topic, u.code, t.industry, t.mode, t.hours, t.place FROM trainings t JOIN units u ON u.id = t.organizer_id
			WHERE t.place BETWEEN ? AND ? ORDER BY t.no`, sa, func(r rowScanner) error {
			var t hezuo.Training
			err := r.Scan(&t.No, &t.HeldOn, &t.Topic, &t.Organizer, &t.Industry, &t.Mode, &t.Hours, &t.Place)
			ds.Trainings = append(ds.Trainings, t)
			return err
		}),
		q(`SELECT t.no, pe.id_sealed, coalesce(o.org_no, '') FROM training_attendances a JOIN trainings t ON t.id = a.training_id
			JOIN people pe ON pe.id = a.person_id LEFT JOIN orgs o ON o.id = a.org_id
			WHERE t.place BETWEEN ? AND ? ORDER BY t.no, pe.id`, sa, func(r rowScanner) error {
			var a hezuo.TrainingAttendance
			err := r.Scan(&a.Training, db.opened(&a.IDNumber), &a.OrgNo)
			ds.TrainingAttendances = append(ds.TrainingAttendances, a)
			return err
		}),
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
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, r.paid_on`, sa, func(r rowScanner) error {
		var x hezuo.Repayment
		err := r.Scan(&x.LoanNo, &x.PaidOn, &x.PrincipalFen, &x.InterestFen)
		ds.Repayments = append(ds.Repayments, x)
		return err
	})
	if err != nil {
		return err
	}
	err = db.eachRowOn(ctx, x, `SELECT l.no, pe.id_sealed, g.amount_fen FROM loan_guarantees g JOIN loans l ON l.id = g.loan_id
		JOIN guarantors gu ON gu.id = g.guarantor_id JOIN people pe ON pe.id = gu.person_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, pe.id`, sa, func(r rowScanner) error {
		var g hezuo.Guarantee
		err := r.Scan(&g.LoanNo, db.opened(&g.IDNumber), &g.AmountFen)
		ds.Guarantees = append(ds.Guarantees, g)
		return err
	})
	if err != nil {
		return err
	}
	return db.eachRowOn(ctx, x, `SELECT l.no, f.paid_on, f.amount_fen, f.source, f.note FROM loan_fee_subsidies f JOIN loans l ON l.id = f.loan_id
		WHERE l.village BETWEEN ? AND ? ORDER BY l.no, f.paid_on, f.source`, sa, func(r rowScanner) error {
		var f hezuo.FeeSubsidy
		err := r.Scan(&f.LoanNo, &f.PaidOn, &f.AmountFen, &f.Source, &f.Note)
		ds.FeeSubsidies = append(ds.FeeSubsidies, f)
		return err
	})
}

func (db *DB) dumpLife(ctx context.Context, x execQuerier, sa []any, ds *hezuo.Dataset) error {
	err := db.eachRowOn(ctx, x, `SELECT po.no, m.kind, m.held_on, m.topic, coalesce(v.no, ''), m.participants, m.decisions FROM meetings m
		JOIN party_orgs po ON po.id = m.party_org_id LEFT JOIN party_orgs v ON v.id = m.village_party_org_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY po.no, m.kind, m.held_on`, sa, func(r rowScanner) error {
		var m hezuo.Meeting
		err := r.Scan(&m.PartyOrg, &m.Kind, &m.HeldOn, &m.Topic, &m.VillagePartyOrg, &m.Participants, &m.Decisions)
		ds.Meetings = append(ds.Meetings, m)
		return err
	})
	if err != nil {
		return err
	}
	err = db.eachRowOn(ctx, x, `SELECT po.no, m.kind, m.held_on, pe.id_sealed FROM meeting_attendances a JOIN meetings m ON m.id = a.meeting_id
		JOIN party_orgs po ON po.id = m.party_org_id JOIN people pe ON pe.id = a.person_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY po.no, m.kind, m.held_on, pe.id`, sa, func(r rowScanner) error {
		var a hezuo.MeetingAttendance
		err := r.Scan(&a.PartyOrg, &a.Kind, &a.HeldOn, db.opened(&a.IDNumber))
		ds.MeetingAttendances = append(ds.MeetingAttendances, a)
		return err
	})
	if err != nil {
		return err
	}
	return db.eachRowOn(ctx, x, `SELECT pe.id_sealed, c.year, po.no, c.made_on, c.content, c.fulfilled_on, c.result, c.evidence
		FROM commitments c JOIN people pe ON pe.id = c.person_id JOIN party_orgs po ON po.id = c.party_org_id
		WHERE po.seat BETWEEN ? AND ? ORDER BY pe.id, c.year`, sa, func(r rowScanner) error {
		var c hezuo.Commitment
		err := r.Scan(db.opened(&c.IDNumber), &c.Year, &c.PartyOrg, &c.MadeOn, &c.Content, &c.FulfilledOn, &c.Result, &c.Evidence)
		ds.Commitments = append(ds.Commitments, c)
		return err
	})
}
