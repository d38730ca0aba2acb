package sqldb

import (
	"context"
	"strings"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/summaries"
)

// Stats computes the figures of scope on day (cli.md `stats`, meanings in
// hezuo.Stats): the registry figures from the summaries when they are up to
// date (summary_stats.go, cost growing with the scope's areas), else
// directly from the records (statsDirect); then the platform figures.
func (db *DB) Stats(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*hezuo.Stats, error) {
	var s *hezuo.Stats
	var err error
	if version, ok := db.summaryVersion(ctx); ok {
		s, err = db.statsCached(ctx, version, scope, day)
	} else {
		s, err = db.statsDirect(ctx, scope, day)
	}
	if err != nil {
		return nil, err
	}
	if err := db.platformCounts(ctx, scope, day, s); err != nil {
		return nil, err
	}
	return s, nil
}

// statsDirect computes the registry figures from the records: per-org facts
// (the same the check uses) summed by kind, plus the party organizations
// attributed to the scope, instructors by their township, and talents. It
// is the reference the summaries are tested against.
func (db *DB) statsDirect(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*hezuo.Stats, error) {
	rows, facts, err := db.check(ctx, scope, day)
	if err != nil {
		return nil, err
	}
	s := &hezuo.Stats{AsOf: day.String(), Scope: scope.String(), ManagedBy: map[string]int{}}
	for _, f := range facts {
		k := s.ByKind(f.Org.Kind)
		k.Orgs++
		k.Members += f.Members
		k.PartyMembers += f.FullMembers + f.ProbationaryMembers
		k.FullMembers += f.FullMembers
		k.HouseholdsDriven += f.Org.HouseholdsDriven
		s.AllMembers += f.Members
		s.Orgs.Total++
		if f.Registered {
			s.Orgs.Registered++
		}
		if f.Org.Model {
			s.Orgs.Models++
		}
	}
	s.Orgs.Cooperatives, s.Orgs.Associations, s.Orgs.Unions = s.Cooperatives.Orgs, s.Associations.Orgs, s.Unions.Orgs
	for _, r := range rows {
		rules.CountCoverage(&s.Coverage, r.Required, r.Actual)
		if r.ManagedBy.Level != "" {
			s.ManagedBy[r.ManagedBy.Level]++
		}
	}
	if err := db.partyOrgCounts(ctx, scope, day, s); err != nil {
		return nil, err
	}
	if err := db.instructorCounts(ctx, scope, day, s); err != nil {
		return nil, err
	}
	// Party-member memberships: the kinds' party members added up.
	s.Talent.PartyMembers = s.Cooperatives.PartyMembers + s.Associations.PartyMembers + s.Unions.PartyMembers
	if err := db.talentCounts(ctx, scope, day, s); err != nil {
		return nil, err
	}
	summaries.TalentShares(s)
	return s, nil
}

// partyOrgCounts counts the active party organizations attributed to the
// scope: each is counted once, at the existing org with the smallest id
// among those it is linked to that day.
func (db *DB) partyOrgCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	w := orgScope(scope, day)
	w.addPair(active("l", day))
	w.addPair(active("p", day))
	lc, la := active("l2", day)
	oc, oa := orgActive("o2", day)
	w.add(`l.org_id = (SELECT min(l2.org_id) FROM party_org_orgs l2 JOIN orgs o2 ON o2.id = l2.org_id
		WHERE l2.party_org_id = p.id AND `+lc+` AND `+oc+`)`, append(la, oa...)...)
	return db.eachRow(ctx, `SELECT p.form, count(DISTINCT p.id) FROM party_orgs p
		JOIN party_org_orgs l ON l.party_org_id = p.id JOIN orgs o ON o.id = l.org_id
		WHERE `+w.String()+` GROUP BY p.form`, w.args, func(r rowScanner) error {
		var form string
		var n int
		if err := r.Scan(&form, &n); err != nil {
			return err
		}
		switch form {
		case hezuo.FormBranch:
			s.PartyOrgs.Branches = n
		case hezuo.FormGeneralBranch:
			s.PartyOrgs.GeneralBranches = n
		case hezuo.FormCommittee:
			s.PartyOrgs.Committees = n
		case hezuo.FormJointBranch:
			s.PartyOrgs.JointBranches = n
		case hezuo.FormPartyGroup:
			s.PartyOrgs.PartyGroups = n
		}
		return nil
	})
}

// instructorCounts: instructors of the scope's townships with an active
// dispatch to an existing org; orgs in scope with one; and, per org in
// scope, members developed during a dispatch and activists of orgs with an
// active dispatch, added up.
func (db *DB) instructorCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	in := &s.Instructors
	if p := scope.Prefix; len(p) <= 9 {
		w := &where{}
		w.add("i.township BETWEEN ? AND ?", p+strings.Repeat("0", 9-len(p)), p+strings.Repeat("9", 9-len(p)))
		w.addPair(active("d", day))
		w.addPair(orgActive("o", day))
		if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(DISTINCT d.instructor_id) FROM dispatches d
			JOIN instructors i ON i.id = d.instructor_id JOIN orgs o ON o.id = d.org_id WHERE `+w.String()), w.args...).Scan(&in.Dispatched); err != nil {
			return err
		}
	}
	w := orgScope(scope, day)
	w.addPair(active("d", day))
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(DISTINCT d.org_id)
		FROM dispatches d JOIN orgs o ON o.id = d.org_id WHERE `+w.String()), w.args...).Scan(&in.OrgsCovered); err != nil {
		return err
	}
	w = orgScope(scope, day)
	w.add(developedCond, day, day)
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM (SELECT DISTINCT d.org_id, ps.person_id FROM dispatches d
		JOIN orgs o ON o.id = d.org_id JOIN memberships m ON m.org_id = d.org_id
		JOIN party_status ps ON ps.person_id = m.person_id WHERE `+w.String()+`) x`), w.args...).Scan(&in.MembersDeveloped); err != nil {
		return err
	}
	w = orgScope(scope, day)
	w.addPair(active("m", day))
	w.addPair(active("ps", day))
	dc, da := active("d", day)
	w.add("ps.status = 'activist' AND EXISTS (SELECT 1 FROM dispatches d WHERE d.org_id = m.org_id AND "+dc+")", da...)
	return db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM (SELECT DISTINCT m.org_id, m.person_id FROM memberships m
		JOIN orgs o ON o.id = m.org_id JOIN party_status ps ON ps.person_id = m.person_id WHERE `+w.String()+`) x`), w.args...).Scan(&in.Activists)
}

// partyCond is "person pe is a (full or probationary) party member on the day".
func partyCond(day hezuo.Date) (string, []any) {
	c, a := active("ps", day)
	return `EXISTS (SELECT 1 FROM party_status ps WHERE ps.person_id = pe.id AND ps.status IN ('full', 'probationary') AND ` + c + `)`, a
}

// talentCounts counts the memberships (org and person) of technical
// talents who are not party members.
func (db *DB) talentCounts(ctx context.Context, scope hezuo.Scope, day hezuo.Date, s *hezuo.Stats) error {
	pc, pa := partyCond(day)
	w := orgScope(scope, day)
	w.addPair(active("m", day))
	w.add("pe.talent_since <= ? AND NOT "+pc, append([]any{day}, pa...)...)
	return db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM (SELECT DISTINCT m.org_id, m.person_id FROM memberships m
		JOIN orgs o ON o.id = m.org_id JOIN people pe ON pe.id = m.person_id WHERE `+w.String()+`) x`), w.args...).Scan(&s.Talent.TechnicalTalents)
}
