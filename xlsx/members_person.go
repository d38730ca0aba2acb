package xlsx

import (
	"errors"
	"fmt"
	"strings"

	"hezuo"
)

// What a member row states of the person beyond the membership: their
// name, phone, village and flags (mergePerson), and their party status as
// a level (政治面貌 and 是否入党积极分子) with, for a party member, the dates
// of a hezuo.PartyRecord, to which the plan moves the stored steps.

// Party levels a member row can state, in order.
const (
	levelNone = iota
	levelActivist
	levelProbationary
	levelFull
)

var levelStatus = [...]string{levelActivist: hezuo.StatusActivist, levelProbationary: hezuo.StatusProbationary, levelFull: hezuo.StatusFull}

// levelNames names levels for messages.
var levelNames = [...][2]string{{"群众", "not a party member"}, {"入党积极分子", "activist"}, {"中共预备党员", "probationary member"}, {"中共党员", "full member"}}

// parseLevel reads 政治面貌.
func parseLevel(s string) (int, bool) {
	switch strings.ToLower(strings.ReplaceAll(Text(Fold(s)), " ", "")) {
	case "中共党员", "党员", "正式党员", "中共正式党员", "中国共产党党员", "full", "partymember":
		return levelFull, true
	case "中共预备党员", "预备党员", "probationary":
		return levelProbationary, true
	case "入党积极分子", "积极分子", "activist":
		return levelActivist, true
	case "群众", "共青团员", "团员", "无党派人士", "民主党派", "none", "masses":
		return levelNone, true
	}
	return 0, false
}

// levelOf maps a stored party status to the level a row states.
func levelOf(status string) int {
	switch status {
	case hezuo.StatusFull:
		return levelFull
	case hezuo.StatusProbationary:
		return levelProbationary
	case hezuo.StatusActivist, hezuo.StatusCandidate:
		return levelActivist
	}
	return levelNone
}

// mergePerson overlays a row on the stored person and reports a change.
func mergePerson(b *Batch, row *memberRow, old *hezuo.Person, first hezuo.Date) (hezuo.Person, bool) {
	has := b.has
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
