package xlsx

import (
	"errors"
	"fmt"
	"slices"

	"hezuo"
	"hezuo/rules"
)

// plan merges member rows into the stored records:
//   - the person (key 身份证号) takes the row's name and, where the file has
//     the columns, phone, village and flags; a flag newly set dates from the
//     person's earliest joined date for a new person, from today otherwise;
//   - the membership (key 身份证号 + 组织编号) is the stored one with the same
//     加入日期, else — when the file has one row for the pair — the latest
//     stored one, whose dates the row corrects; else a new one;
//   - the party status only moves forward (群众 → 积极分子 → 预备党员 →
//     党员; a lower level than the person's today is a problem). A party
//     member's 政治面貌, 入党日期 and 转正日期 are a hezuo.PartyRecord,
//     validated and merged into the stored steps by hezuo.PartyRecord.Merge:
//     the dates describe the steps (probationary from 入党日期, full from
//     转正日期 or, when empty, 入党日期 + the probation), so a row whose
//     dates differ from the stored steps corrects them and the same row
//     again changes nothing; a party member without dates keeps the stored
//     steps of that status, else starts on the joined date (a new person)
//     or today, marked FromUnknown. An activist's step starts the same way.
func (mr *memberRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	orgs := map[string]bool{}
	for _, o := range have.Orgs {
		orgs[o.OrgNo] = true
	}
	villages := map[string]bool{}
	for _, d := range have.Divisions {
		villages[d.Code] = hezuo.LevelOf(d.Code) == hezuo.LevelVillage
	}
	people := map[string]*hezuo.Person{}
	for i := range have.People {
		people[have.People[i].IDNumber] = &have.People[i]
	}
	memberships := map[memberKey][]*hezuo.Membership{}
	for i := range have.Memberships {
		m := &have.Memberships[i]
		k := memberKey{m.IDNumber, m.OrgNo}
		memberships[k] = append(memberships[k], m)
	}
	steps := map[string][]*hezuo.PartyStatus{}
	for i := range have.PartyStatus {
		s := &have.PartyStatus[i]
		steps[s.IDNumber] = append(steps[s.IDNumber], s)
	}

	p := &Plan{Write: &hezuo.Dataset{People: make([]hezuo.Person, 0, len(mr.people)),
		Memberships: make([]hezuo.Membership, 0, len(mr.rows))}}
	bad := map[string]bool{} // people with a problem
	fail := func(row *memberRow, key, zh, en string) {
		b.Problems = append(b.Problems, b.problem(row.num, key, zh, en))
		bad[row.person.IDNumber] = true
	}
	for i := range mr.rows {
		row := &mr.rows[i]
		if !orgs[row.m.OrgNo] {
			fail(row, "org_id", "未知的组织编号 "+row.m.OrgNo+"（请先导入合作组织）", "unknown org_id "+row.m.OrgNo+" (import the orgs first)")
		}
		if v := row.person.Village; v != "" && !villages[v] {
			fail(row, "village", "未知的村 "+v+"（请先导入区划）", "unknown village "+v+" (import the divisions first)")
		}
	}

	// Per person, in ID number order (deterministic for the writer and for
	// tests; sorting the ID numbers is cheaper than sorting the people made):
	// the merged record and the party status change.
	ids := make([]string, 0, len(mr.people))
	for id := range mr.people {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	personChanged := make(map[string]bool, len(mr.people))
	probation := rules.Defaults().ProbationMonths
	if b.settings != nil {
		probation = b.settings.ProbationMonths
	}
	for _, id := range ids {
		row := &mr.rows[mr.people[id]] // the person's first row, whose earliest is their earliest joined date
		old := people[id]
		person, changed := mergePerson(b, row, old, row.earliest)
		if old == nil || changed {
			p.Write.People = append(p.Write.People, person)
		}
		moves, err := moveStatus(p, row, old, steps[id], b.today, probation)
		if err != nil {
			key := err.Field
			if key == "" {
				key = hezuo.FieldPoliticalStatus
			}
			fail(row, key, err.ZH, err.EN)
			continue
		}
		p.Write.PartyStatus = append(p.Write.PartyStatus, moves...)
		personChanged[id] = old != nil && (changed || len(moves) > 0)
	}

	merged := make([]hezuo.Membership, len(mr.rows))
	matched := map[int64]bool{} // stored memberships a row speaks of
	for i := range mr.rows {
		row := &mr.rows[i]
		k := memberKey{row.m.IDNumber, row.m.OrgNo}
		m, isNew, changed := mergeMembership(b, row, memberships[k], row.prev == -1 && mr.keys[k] == i)
		merged[i], matched[m.ID] = m, m.ID != 0
		if bad[row.person.IDNumber] {
			continue
		}
		if isNew || changed {
			p.Write.Memberships = append(p.Write.Memberships, m)
		}
		// A row that changes a stored person is a change even when its
		// membership is new: the preview's "new" never hides an update.
		p.count(isNew && !personChanged[row.person.IDNumber], changed || personChanged[row.person.IDNumber])
	}
	// A row's membership must not overlap a stored one of the same person
	// and org that no row speaks of.
	for i := range mr.rows {
		row := &mr.rows[i]
		for _, s := range memberships[memberKey{row.m.IDNumber, row.m.OrgNo}] {
			if !matched[s.ID] && overlap(merged[i].Period, s.Period) {
				fail(row, "joined", fmt.Sprintf("与系统中此人在该组织自 %s 起的成员记录时段重叠", s.From),
					fmt.Sprintf("overlaps the stored membership of this person in this org from %s", s.From))
			}
		}
	}
	return p
}

// mergePerson overlays a row on the stored person and reports a change.
func mergePerson(b *Batch, row *memberRow, old *hezuo.Person, first hezuo.Date) (hezuo.Person, bool) {
	has := func(k string) bool { _, ok := b.bind.idx[k]; return ok }
	since := func(set bool, was hezuo.Date) hezuo.Date {
		switch {
		case !set:
			return hezuo.Date{}
		case !was.IsZero():
			return was
		case old == nil:
			return first
		}
		return b.today
	}
	if old == nil {
		p := row.person
		p.TalentSince, p.LeaderSince = since(row.talent, hezuo.Date{}), since(row.leader, hezuo.Date{})
		return p, false
	}
	p := *old
	p.Name = row.person.Name
	if has("phone") {
		p.Phone = row.person.Phone
	}
	if has("village") {
		p.Village = row.person.Village
	}
	if has("technical_talent") {
		p.TalentSince = since(row.talent, old.TalentSince)
	}
	if has("leader") {
		p.LeaderSince = since(row.leader, old.LeaderSince)
	}
	changed := p.Name != old.Name || p.Phone != old.Phone || p.Village != old.Village ||
		!p.TalentSince.Equal(old.TalentSince) || !p.LeaderSince.Equal(old.LeaderSince)
	return p, changed
}

// moveStatus returns the party status steps to write for a person (old:
// the stored one, nil when new): none when the row states what the steps
// say. Party members go through hezuo.PartyRecord (counted in p.Presumed
// and p.PartyDateUnknown); the levels below, here.
func moveStatus(p *Plan, row *memberRow, old *hezuo.Person, have []*hezuo.PartyStatus, today hezuo.Date, probation int) ([]hezuo.PartyStatus, *hezuo.Error) {
	first := row.earliest
	if old != nil {
		first = today
	}
	rec := hezuo.PartyRecord{JoinedParty: row.partyDate, FullSince: row.fullSince}
	if row.level >= levelProbationary {
		rec.Status = levelStatus[row.level]
	}
	asError := func(err error) *hezuo.Error {
		var e *hezuo.Error
		if errors.As(err, &e) {
			return e
		}
		return &hezuo.Error{Code: hezuo.EINTERNAL, ZH: err.Error(), EN: err.Error()}
	}
	if err := rec.Validate(row.person.BirthDate, today, probation); err != nil {
		return nil, asError(err)
	}
	if rec.Status == "" {
		return moveActivist(row, have, first, today)
	}
	stored := make([]hezuo.PartyStatus, len(have))
	for i, s := range have {
		stored[i] = *s
	}
	m, err := rec.Merge(row.person.IDNumber, stored, first, today, probation)
	if err != nil {
		return nil, asError(err)
	}
	if m.Presumed {
		p.Presumed++
	}
	if rec.Unknown() && !m.Presumed {
		if cur := currentStep(stored, today); m.Unknown || cur != nil && cur.FromUnknown {
			p.PartyDateUnknown++
		}
	}
	return m.Write, nil
}

// currentStep returns the step active on day with the latest start, or nil.
func currentStep(have []hezuo.PartyStatus, day hezuo.Date) *hezuo.PartyStatus {
	var cur *hezuo.PartyStatus
	for i := range have {
		if have[i].ActiveOn(day) && (cur == nil || have[i].From.After(cur.From)) {
			cur = &have[i]
		}
	}
	return cur
}

// moveActivist returns the steps to write for a row stating 群众 or an
// activist: none when the level is the one held today, a new activist step
// from first ending the current one; a lower level is a problem.
func moveActivist(row *memberRow, have []*hezuo.PartyStatus, first, today hezuo.Date) ([]hezuo.PartyStatus, *hezuo.Error) {
	var cur *hezuo.PartyStatus
	for _, s := range have {
		if s.ActiveOn(today) && (cur == nil || s.From.After(cur.From)) {
			cur = s
		}
	}
	level := levelNone
	if cur != nil {
		level = levelOf(cur.Status)
	}
	switch {
	case row.level == level:
		return nil, nil
	case row.level < level:
		return nil, &hezuo.Error{Code: hezuo.EINVALID,
			ZH: fmt.Sprintf("系统中此人自 %s 起为%s，导入只能登记政治面貌的进步，不能改为%s", cur.From, hezuo.StatusNames[cur.Status], levelNames[row.level][0]),
			EN: fmt.Sprintf("the registry has this person as %s since %s; an import can only record progress, not change it to %s",
				levelNames[level][1], cur.From, levelNames[row.level][1])}
	}
	from := first
	var out []hezuo.PartyStatus
	if cur != nil {
		if !cur.From.Before(from) {
			return nil, &hezuo.Error{Code: hezuo.EINVALID,
				ZH: fmt.Sprintf("日期 %s 不晚于现有政治面貌“%s”的开始日期 %s", from, hezuo.StatusNames[cur.Status], cur.From),
				EN: fmt.Sprintf("date %s is not after %s, the start of the current status (%s)", from, cur.From, levelNames[level][1])}
		}
		end := *cur
		end.To = from
		out = append(out, end)
	}
	out = append(out, hezuo.PartyStatus{IDNumber: row.person.IDNumber, Status: levelStatus[row.level], Period: hezuo.Period{From: from}})
	return out, nil
}

// overlap reports whether two half-open periods share a day.
func overlap(a, b hezuo.Period) bool {
	return (a.To.IsZero() || b.From.Before(a.To)) && (b.To.IsZero() || a.From.Before(b.To))
}

// mergeMembership finds the stored membership a row speaks of and overlays
// it; it reports whether the membership is new or changed.
func mergeMembership(b *Batch, row *memberRow, have []*hezuo.Membership, only bool) (hezuo.Membership, bool, bool) {
	var old *hezuo.Membership
	for _, m := range have {
		if m.From.Equal(row.m.From) {
			old = m
		}
	}
	if old == nil && only {
		for _, m := range have {
			if old == nil || m.From.After(old.From) {
				old = m
			}
		}
	}
	if old == nil {
		return row.m, true, false
	}
	m := *old
	m.From = row.m.From
	if _, ok := b.bind.idx["left"]; ok {
		m.To = row.m.To
	}
	if _, ok := b.bind.idx["role"]; ok {
		m.Role = row.m.Role
	}
	return m, false, !m.From.Equal(old.From) || !m.To.Equal(old.To) || m.Role != old.Role
}

// exportMembers writes one row per membership, with the person's party
// status as of today: 政治面貌, and 入党日期 and 转正日期 as the steps state
// them (hezuo.PartyRecordOf; a start marked unknown stays empty), so that
// importing the export changes nothing.
func exportMembers(ds *hezuo.Dataset, today hezuo.Date) [][]any {
	people := map[string]*hezuo.Person{}
	for i := range ds.People {
		people[ds.People[i].IDNumber] = &ds.People[i]
	}
	steps := map[string][]hezuo.PartyStatus{}
	for _, s := range ds.PartyStatus {
		steps[s.IDNumber] = append(steps[s.IDNumber], s)
	}
	out := make([][]any, 0, len(ds.Memberships))
	for _, m := range ds.Memberships {
		p := people[m.IDNumber]
		if p == nil {
			continue
		}
		have := steps[m.IDNumber]
		rec := hezuo.PartyRecordOf(have, today)
		status, activist := "群众", false
		if rec.Status != "" {
			status = hezuo.StatusNames[rec.Status]
		} else if cur := currentStep(have, today); cur != nil {
			activist = levelOf(cur.Status) == levelActivist
		}
		out = append(out, []any{p.IDNumber, p.Name, m.OrgNo, m.From, status, yesNo(activist),
			yesNo(!p.TalentSince.IsZero()), p.Phone, m.To, rec.JoinedParty, rec.FullSince, m.Role, p.Village, yesNo(!p.LeaderSince.IsZero())})
	}
	return out
}
