package sqldb

import (
	"context"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb/internal/sqlx"
	"hezuo/sqldb/summaries"
)

// partyOrgFacts is what the rules need about a party organization covering
// an org: its size in units and full members, committee and secretary.
type partyOrgFacts struct {
	cover     rules.Cover
	orgs      int
	villages  int
	places    []string // a joint branch's units' villages (jointUnits)
	trades    []string // and their industries
	officers  int
	secretary *rules.Secretary
	board     []rules.Officer // its leading members (hezuo.Leading) on the day
}

// touching is the subquery of party organizations linked to an org in scope.
const touching = `SELECT l2.party_org_id FROM party_org_orgs l2 JOIN orgs o ON o.id = l2.org_id WHERE o.village BETWEEN ? AND ?`

func (db *DB) factCovers(ctx context.Context, scope hezuo.Scope, day hezuo.Date, byID map[int64]*orgFacts) error {
	pos := map[int64]*partyOrgFacts{}
	links := map[int64][]int64{} // org id → party org ids
	w := orgScope(scope, day)
	w.addPair(active("l", day))
	w.addPair(active("p", day))
	// The term rule reads the latest election on or before the day.
	err := db.eachRow(ctx, `SELECT l.org_id, p.id, p.no, p.name, p.form, `+electedOnAt+`, p.term_years
		FROM party_org_orgs l JOIN party_orgs p ON p.id = l.party_org_id JOIN orgs o ON o.id = l.org_id
		WHERE `+w.String()+` ORDER BY l.org_id, p.no`, append([]any{day}, w.args...), func(r rowScanner) error {
		var orgID, poID int64
		var c rules.Cover
		if err := r.Scan(&orgID, &poID, &c.No, &c.Name, &c.Form, &c.ElectedOn, &c.TermYears); err != nil {
			return err
		}
		if pos[poID] == nil {
			pos[poID] = &partyOrgFacts{cover: c}
		}
		links[orgID] = append(links[orgID], poID)
		return nil
	})
	if err != nil || len(pos) == 0 {
		return err
	}
	sa := scopeArgs(scope)
	// Units: orgs and villages each party organization covers.
	lc, la := active("l", day)
	if err := db.eachRow(ctx, `SELECT l.party_org_id, count(*) FROM party_org_orgs l WHERE l.party_org_id IN (`+touching+`) AND `+lc+
		` GROUP BY l.party_org_id`, append(append([]any{}, sa...), la...), sqlx.Keyed(func(id int64, n int) {
		if p := pos[id]; p != nil {
			p.orgs = n
		}
	})); err != nil {
		return err
	}
	if err := db.eachRow(ctx, `SELECT v.party_org_id, v.village FROM party_org_villages v WHERE v.party_org_id IN (`+touching+
		`)`, sa, sqlx.Keyed(func(id int64, v string) {
		if p := pos[id]; p != nil {
			p.villages++
			p.places = append(p.places, v)
		}
	})); err != nil {
		return err
	}
	if err := db.jointUnits(ctx, scope, day, pos); err != nil {
		return err
	}
	// Full members in all the orgs each party organization covers.
	fw := &where{}
	fw.add("l.party_org_id IN ("+touching+")", sa...)
	fw.addPair(active("l", day))
	fw.addPair(active("m", day))
	fw.addPair(active("ps", day))
	fw.add("ps.status = 'full'")
	if err := db.eachRow(ctx, `SELECT l.party_org_id, count(DISTINCT m.person_id) FROM party_org_orgs l
		JOIN memberships m ON m.org_id = l.org_id JOIN party_status ps ON ps.person_id = m.person_id
		WHERE `+fw.String()+` GROUP BY l.party_org_id`, fw.args, sqlx.Keyed(func(id int64, n int) {
		if p := pos[id]; p != nil {
			p.cover.FullMembers = n
		}
	})); err != nil {
		return err
	}
	// Officers: committee size, the secretary with the leader flag, and the
	// leading members with their flags.
	ow := &where{}
	ow.add("f.party_org_id IN ("+touching+")", sa...)
	ow.addPair(active("f", day))
	if err := db.eachRow(ctx, `SELECT f.party_org_id, f.role, f.duty, pe.name, pe.leader_since, pe.talent_since FROM officers f
		JOIN people pe ON pe.id = f.person_id WHERE `+ow.String()+` ORDER BY f.party_org_id, f.valid_from`, ow.args,
		func(r rowScanner) error {
			var id int64
			var role, duty, name string
			var leader, talent hezuo.Date
			if err := r.Scan(&id, &role, &duty, &name, &leader, &talent); err != nil {
				return err
			}
			p := pos[id]
			if p == nil {
				return nil
			}
			p.officers++
			isLeader := !leader.IsZero() && !day.Before(leader)
			if role == hezuo.RoleSecretary {
				p.secretary = &rules.Secretary{Name: name, IsLeader: isLeader}
			}
			if hezuo.Leading(role) {
				p.board = append(p.board, rules.Officer{PartyOrg: p.cover.No, Role: role, Duty: duty, Name: name, IsLeader: isLeader,
					IsTalent: !talent.IsZero() && !day.Before(talent)})
			}
			return nil
		}); err != nil {
		return err
	}
	for orgID, ids := range links {
		f := byID[orgID]
		if f == nil {
			continue
		}
		for _, id := range ids {
			p := pos[id]
			c := p.cover
			c.Units = p.orgs + p.villages
			if c.Form == hezuo.FormJointBranch {
				c.Villages, c.Industries = summaries.DistinctSorted(p.places), summaries.DistinctSorted(p.trades)
			}
			c.HasCommittee = p.officers >= 3
			if p.villages > 0 && c.Form == hezuo.FormJointBranch {
				// A joint branch with a village (村会联合) also counts the
				// village's members, which the registry does not hold.
				c.FullMembers = -1
			}
			f.Covers = append(f.Covers, c)
			f.PartyOrgNos = append(f.PartyOrgNos, c.No)
			if f.Secretary == nil && p.secretary != nil && c.Form != hezuo.FormPartyGroup {
				s := *p.secretary
				f.Secretary = &s
			}
			f.Officers = append(f.Officers, p.board...)
		}
		summaries.SortOfficers(f.Officers)
	}
	return nil
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// jointUnits adds to each joint branch of pos the home villages and
// industries of the orgs it links on day (active links, as its units are
// counted), for the check of 地域相邻、行业相近 (rules.checkJoint).
func (db *DB) jointUnits(ctx context.Context, scope hezuo.Scope, day hezuo.Date, pos map[int64]*partyOrgFacts) error {
	w := &where{}
	w.add("l.party_org_id IN ("+touching+")", scopeArgs(scope)...)
	w.addPair(active("l", day))
	w.add("p.form = '" + hezuo.FormJointBranch + "'")
	return db.eachRow(ctx, `SELECT l.party_org_id, o.village, o.industry FROM party_org_orgs l
		JOIN orgs o ON o.id = l.org_id JOIN party_orgs p ON p.id = l.party_org_id WHERE `+w.String(), w.args,
		func(r rowScanner) error {
			var id int64
			var v, ind string
			if err := r.Scan(&id, &v, &ind); err != nil {
				return err
			}
			if p := pos[id]; p != nil {
				p.places = append(p.places, v)
				p.trades = append(p.trades, ind)
			}
			return nil
		})
}
