package sqldb

import (
	"context"

	"hezuo"
)

// LifeSummary sums up the organizational life of the party organizations
// covering the orgs of scope on day, over the year up to day: meetings,
// attendances, people, and attendances of members whose party relation was
// held by another organization on the meeting's day (dual organizational
// life).
func (db *DB) LifeSummary(ctx context.Context, scope hezuo.Scope, day hezuo.Date) (*hezuo.LifeSummary, error) {
	s := &hezuo.LifeSummary{From: day.AddPeriod(-1, 0).AddDays(1), To: day}
	in, inArgs := poInScope(scope, day)
	args := append([]any{s.From, day}, inArgs...)
	if err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*) FROM meetings m WHERE m.held_on >= ? AND m.held_on <= ?
		AND m.party_org_id IN (`+in+`)`), args...).Scan(&s.Meetings); err != nil {
		return nil, err
	}
	err := db.QueryRowContext(ctx, db.rebind(`SELECT count(*), count(DISTINCT a.person_id),
			coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM party_status ps WHERE ps.person_id = a.person_id
				AND ps.valid_from <= m.held_on AND (ps.valid_to IS NULL OR ps.valid_to > m.held_on)
				AND ps.home_party_org_id IS NOT NULL AND ps.home_party_org_id <> m.party_org_id) THEN 1 ELSE 0 END), 0)
		FROM meeting_attendances a JOIN meetings m ON m.id = a.meeting_id
		WHERE m.held_on >= ? AND m.held_on <= ? AND m.party_org_id IN (`+in+`)`), args...).Scan(&s.Attendances, &s.People, &s.DualAttendances)
	return s, err
}
