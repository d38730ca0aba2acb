package summaries

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"hezuo"
	"hezuo/sqldb/internal/sqlx"
)

// loadPartyOrgsIn reads the party organizations linked to the targets: their
// records, every link, villages and officers.
func (sm *Store) loadPartyOrgsIn(ctx context.Context, x execQuerier, in *sweepInput) error {
	ids := sqlx.SortedKeys(in.pos)
	if len(ids) == 0 {
		return nil
	}
	err := sm.chunked(ctx, x, `SELECT id, no, name, form, term_years, valid_from, valid_to FROM party_orgs WHERE id IN (%s)`, ids,
		func(r rowScanner) error {
			p := &poIn{}
			var from, to hezuo.Date
			if err := r.Scan(&p.id, &p.no, &p.name, &p.form, &p.termYears, &from, &to); err != nil {
				return err
			}
			p.active = spanOf(from, to)
			p.formIndex = formIndex(p.form)
			in.pos[p.id] = p
			return nil
		})
	if err != nil {
		return err
	}
	err = sm.chunked(ctx, x, `SELECT party_org_id, org_id, valid_from, valid_to FROM party_org_orgs WHERE party_org_id IN (%s)`, ids,
		func(r rowScanner) error {
			id, l, err := scanLink(r)
			if err != nil {
				return err
			}
			in.pos[id].links = append(in.pos[id].links, l)
			return nil
		})
	if err != nil {
		return err
	}
	err = sm.chunked(ctx, x, `SELECT party_org_id, village FROM party_org_villages WHERE party_org_id IN (%s) ORDER BY party_org_id, village`, ids,
		sqlx.Keyed(func(id int64, v string) { in.pos[id].villages = append(in.pos[id].villages, v) }))
	if err != nil {
		return err
	}
	err = sm.chunked(ctx, x, `SELECT party_org_id, elected_on FROM party_org_elections WHERE party_org_id IN (%s)
		ORDER BY party_org_id, elected_on`, ids, sqlx.Keyed(func(id int64, on hezuo.Date) {
		in.pos[id].elections = append(in.pos[id].elections, dayOf(on))
	}))
	if err != nil {
		return err
	}
	// The order of the direct computation (sqldb's covers.go): the last active
	// secretary by start date wins.
	return sm.chunked(ctx, x, `SELECT f.party_org_id, f.role, f.duty, pe.name, pe.leader_since, pe.talent_since, f.valid_from, f.valid_to
		FROM officers f JOIN people pe ON pe.id = f.person_id WHERE f.party_org_id IN (%s) ORDER BY f.party_org_id, f.valid_from, f.id`, ids,
		func(r rowScanner) error {
			var id int64
			var o officerIn
			var leader, talent, from, to hezuo.Date
			if err := r.Scan(&id, &o.role, &o.duty, &o.name, &leader, &talent, &from, &to); err != nil {
				return err
			}
			o.leader, o.talent, o.span = dayOf(leader), dayOf(talent), spanOf(from, to)
			in.pos[id].officers = append(in.pos[id].officers, o)
			return nil
		})
}

// loadMembersIn reads the memberships of orgs and the party status and
// talent of their members.
func (sm *Store) loadMembersIn(ctx context.Context, x execQuerier, in *sweepInput, ids []int64) error {
	err := sm.chunked(ctx, x, `SELECT org_id, person_id, valid_from, valid_to FROM memberships WHERE org_id IN (%s)`, ids,
		func(r rowScanner) error {
			var id int64
			var m memberIn
			var from, to hezuo.Date
			if err := r.Scan(&id, &m.person, &from, &to); err != nil {
				return err
			}
			m.span = spanOf(from, to)
			in.orgs[id].members = append(in.orgs[id].members, m)
			if in.people[m.person] == nil {
				in.people[m.person] = &personIn{talent: never}
			}
			return nil
		})
	if err != nil {
		return err
	}
	people := sqlx.SortedKeys(in.people)
	// By the members' ids (an index seek each): with a subquery over the
	// memberships the planner may scan party_status for every chunk. When
	// the members are many for the table (a large import), one scan of each
	// table, skipping the others, costs less than the seeks.
	var top sql.NullInt64
	if len(people) >= 1000 {
		if err := x.QueryRowContext(ctx, `SELECT max(id) FROM people`).Scan(&top); err != nil {
			return err
		}
	}
	scan := top.Valid && int64(len(people))*4 >= top.Int64
	statusQ := `SELECT ps.person_id, ps.status, ps.valid_from, ps.valid_to FROM party_status ps
		WHERE ps.person_id IN (%s) AND ps.status IN ('full', 'probationary', 'activist')`
	talentQ := `SELECT pe.id, pe.talent_since FROM people pe WHERE pe.id IN (%s) AND pe.talent_since IS NOT NULL`
	each := func(q string, fn func(rowScanner) error) error {
		return sm.chunked(ctx, x, q, people, fn)
	}
	if scan {
		each = func(q string, fn func(rowScanner) error) error {
			q = strings.Replace(q, " IN (%s) AND", " IS NOT NULL AND", 1)
			return sm.eachRowOn(ctx, x, q, nil, fn)
		}
	}
	err = each(statusQ, func(r rowScanner) error {
		var id int64
		var status string
		var from, to hezuo.Date
		if err := r.Scan(&id, &status, &from, &to); err != nil {
			return err
		}
		p := in.people[id]
		if p == nil { // not a member of the orgs (a scan)
			return nil
		}
		s := spanOf(from, to)
		switch status {
		case hezuo.StatusFull:
			p.raw[0] = append(p.raw[0], s)
		case hezuo.StatusProbationary:
			p.raw[1] = append(p.raw[1], s)
			p.probStarts = append(p.probStarts, s.from)
		default:
			p.raw[2] = append(p.raw[2], s)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = each(talentQ, sqlx.Keyed(func(id int64, since hezuo.Date) {
		if p := in.people[id]; p != nil {
			p.talent = dayOf(since)
		}
	}))
	if err != nil {
		return err
	}
	for _, p := range in.people {
		p.full, p.prob, p.activist = union(p.raw[0]), union(p.raw[1]), union(p.raw[2])
		sort.Slice(p.probStarts, func(i, j int) bool { return p.probStarts[i] < p.probStarts[j] })
	}
	return nil
}

// loadDispatchesIn reads the dispatches to the target orgs.
func (sm *Store) loadDispatchesIn(ctx context.Context, x execQuerier, in *sweepInput) error {
	return sm.chunked(ctx, x, `SELECT org_id, valid_from, valid_to FROM dispatches WHERE org_id IN (%s)`, in.target,
		func(r rowScanner) error {
			var id int64
			var from, to hezuo.Date
			if err := r.Scan(&id, &from, &to); err != nil {
				return err
			}
			in.orgs[id].dispatches = append(in.orgs[id].dispatches, spanOf(from, to))
			return nil
		})
}
