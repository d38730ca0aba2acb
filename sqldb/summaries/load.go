package summaries

import (
	"context"

	"hezuo"
	"hezuo/sqldb/internal/sqlx"
)

// sweepInput is every fact the sweep of a set of orgs reads: the orgs, their
// members' party status and talent, their dispatches, and their party
// organizations with every org those link (whose members count in the party
// organizations' sizes).
type sweepInput struct {
	target []int64 // the orgs to summarize, in id order
	orgs   map[int64]*orgIn
	people map[int64]*personIn
	pos    map[int64]*poIn
}

// orgIn is one org: its record, existence, memberships, dispatches and links.
type orgIn struct {
	id         int64
	org        hezuo.Org
	county     string
	active     span
	registered day
	members    []memberIn
	dispatches []span
	links      []linkIn
}

type memberIn struct {
	person int64
	span
}

type linkIn struct {
	id int64 // party org (in orgIn.links) or org (in poIn.links)
	span
}

// scanLink reads a row of party_org_orgs as (the id it is read for, the
// link to the other side).
func scanLink(r rowScanner) (int64, linkIn, error) {
	var id int64
	var l linkIn
	var from, to hezuo.Date
	err := r.Scan(&id, &l.id, &from, &to)
	l.span = spanOf(from, to)
	return id, l, err
}

// personIn is what the figures need about a person: full, probationary and
// activist days, the days probationary periods began, and talent since.
type personIn struct {
	full, prob, activist spans
	probStarts           []day
	talent               day
	raw                  [3][]span // full, probationary, activist spans as read
}

// poIn is a party organization covering orgs of the input.
type poIn struct {
	id             int64
	no, name, form string
	elections      []day // its elections, ascending (party_org_elections)
	termYears      int
	villages       []string // villages it covers itself (party_org_villages)
	active         span
	links          []linkIn
	officers       []officerIn
	pieces         []poPiece // filled by the sweep
	formIndex      int       // index in partyOrgForms, -1 when not counted
}

type officerIn struct {
	role, duty, name string
	leader, talent   day
	span
}

// loadSweepInput reads the facts of the target orgs (ids of orgs that no
// longer exist are ignored).
func (sm *Store) loadSweepInput(ctx context.Context, x execQuerier, target []int64) (*sweepInput, error) {
	in := &sweepInput{orgs: map[int64]*orgIn{}, people: map[int64]*personIn{}, pos: map[int64]*poIn{}}
	if err := sm.loadOrgsIn(ctx, x, in, target, true); err != nil {
		return nil, err
	}
	in.target = sqlx.SortedKeys(in.orgs)
	if len(in.target) == 0 {
		return in, nil
	}
	if err := sm.loadPartyOrgsIn(ctx, x, in); err != nil {
		return nil, err
	}
	var extra []int64
	seen := map[int64]bool{}
	for _, p := range in.pos {
		for _, l := range p.links {
			if in.orgs[l.id] == nil && !seen[l.id] {
				seen[l.id] = true
				extra = append(extra, l.id)
			}
		}
	}
	if err := sm.loadOrgsIn(ctx, x, in, extra, false); err != nil {
		return nil, err
	}
	all := sqlx.SortedKeys(in.orgs)
	if err := sm.loadMembersIn(ctx, x, in, all); err != nil {
		return nil, err
	}
	return in, sm.loadDispatchesIn(ctx, x, in)
}

// loadOrgsIn reads orgs; for targets also their villages and links.
func (sm *Store) loadOrgsIn(ctx context.Context, x execQuerier, in *sweepInput, ids []int64, target bool) error {
	err := sm.chunked(ctx, x, `SELECT id, county, org_no, name, kind, registered_on, village, industry, households_driven, model,
		founded, dissolved FROM orgs WHERE id IN (%s)`, ids, func(r rowScanner) error {
		o := &orgIn{}
		g := &o.org
		if err := r.Scan(&o.id, &o.county, &g.OrgNo, &g.Name, &g.Kind, &g.RegisteredOn, &g.Village, &g.Industry,
			&g.HouseholdsDriven, &g.Model, &g.Founded, &g.Dissolved); err != nil {
			return err
		}
		g.HouseholdsDriven = hezuo.BoundedCount(g.HouseholdsDriven) // a stored count past the bounds cannot overflow a roll-up
		o.active, o.registered = spanOf(g.Founded, g.Dissolved), dayOf(g.RegisteredOn)
		in.orgs[o.id] = o
		return nil
	})
	if err != nil || !target {
		return err
	}
	err = sm.chunked(ctx, x, `SELECT org_id, village FROM org_villages WHERE org_id IN (%s) ORDER BY org_id, village`, ids,
		sqlx.Keyed(func(id int64, v string) {
			if o := in.orgs[id]; o != nil {
				o.org.Villages = append(o.org.Villages, v)
			}
		}))
	if err != nil {
		return err
	}
	return sm.chunked(ctx, x, `SELECT org_id, party_org_id, valid_from, valid_to FROM party_org_orgs WHERE org_id IN (%s)`, ids,
		func(r rowScanner) error {
			id, l, err := scanLink(r)
			if err != nil {
				return err
			}
			if o := in.orgs[id]; o != nil {
				o.links = append(o.links, l)
				in.pos[l.id] = &poIn{id: l.id}
			}
			return nil
		})
}
