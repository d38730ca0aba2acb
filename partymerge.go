package hezuo

import "fmt"

// partyRank orders statuses for "only forward": none, a development step
// before admission, probationary, full.
func partyRank(s *PartyStatus) int {
	switch {
	case s == nil:
		return 0
	case s.Status == StatusFull:
		return 3
	case s.Status == StatusProbationary:
		return 2
	}
	return 1
}

func isPartyStatus(status string) bool { return status == StatusFull || status == StatusProbationary }

// currentStep returns the step active on day with the latest start, or nil.
func currentStep(have []PartyStatus, day Date) *PartyStatus {
	var cur *PartyStatus
	for i := range have {
		if have[i].ActiveOn(day) && (cur == nil || have[i].From.After(cur.From)) {
			cur = &have[i]
		}
	}
	return cur
}

// PartyRecordOf returns the record a person's steps state on today: the
// status of the step active that day (none for a development step before
// admission), 入党日期 the start of the probationary step (the one leading
// to the full step), 转正日期 the start of the full step; a start marked
// FromUnknown is left empty. A status held in several adjoining steps (the
// party relation moved between party organizations: 组织关系转接) starts
// where the first of them starts. Merging the record back changes nothing.
func PartyRecordOf(have []PartyStatus, today Date) PartyRecord {
	cur := currentStep(have, today)
	if partyRank(cur) < 2 {
		return PartyRecord{}
	}
	first := chainStart(have, *cur)
	r := PartyRecord{Status: cur.Status}
	if first.FromUnknown {
		return r
	}
	if cur.Status == StatusProbationary {
		r.JoinedParty = first.From
		return r
	}
	r.FullSince = first.From
	for _, s := range have {
		if s.Status == StatusProbationary && s.To.Equal(first.From) {
			if p := chainStart(have, s); !p.FromUnknown {
				r.JoinedParty = p.From
			}
		}
	}
	return r
}

// chainStart returns the first of the adjoining steps of s's status that
// end where s begins, and so on back (s itself when none does).
func chainStart(have []PartyStatus, s PartyStatus) PartyStatus {
	for range have {
		found := false
		for _, p := range have {
			if p.Status == s.Status && !p.To.IsZero() && p.To.Equal(s.From) && p.From.Before(s.From) {
				s, found = p, true
				break
			}
		}
		if !found {
			break
		}
	}
	return s
}

// PartyMerge is what merging a record into a person's steps does: the steps
// to write (an ID: update that stored step; none: insert) and whether the
// conversion day was presumed (入党日期 + the probation) or the record gave
// no date at all.
type PartyMerge struct {
	Write    []PartyStatus
	Presumed bool
	Unknown  bool
}

// Merge returns the steps that make the person idNumber's stored steps
// (have) say what r says, on today, with a probation of probationMonths.
// r must have passed Validate. The status only moves forward: a record of a
// lower status than the step active today is EINVALID (leaving the party is
// not recorded this way). A record without dates of the status held today
// changes nothing; a full member without dates whose stored probation has a
// known start is presumed converted when it ended (EINVALID before); any
// other record without dates starts its step on unknownFrom, FromUnknown.
// A record with dates describes the party steps (Steps): the latest stored
// step of each status is corrected in place (keeping its home party
// organization), a missing one is added, and a stored step reaching past
// the first new one ends there (EINVALID when it starts on or after it); a
// step that ended where the stored party steps began ends where the new
// ones begin. Merging what the steps state (PartyRecordOf) writes nothing.
func (r PartyRecord) Merge(idNumber string, have []PartyStatus, unknownFrom, today Date, probationMonths int) (PartyMerge, error) {
	var m PartyMerge
	cur := currentStep(have, today)
	want := 0
	switch r.Status {
	case StatusProbationary:
		want = 2
	case StatusFull:
		want = 3
	}
	if rank := partyRank(cur); want < rank && rank >= 2 {
		name := "群众"
		if want > 0 {
			name = StatusNames[r.Status]
		}
		return m, Invalid("政治面貌", FieldPoliticalStatus,
			fmt.Sprintf("系统中此人自 %s 起为%s，政治面貌只能前进，不能登记为%s", cur.From, StatusNames[cur.Status], name),
			fmt.Sprintf("the registry has this person as %s since %s; the status only moves forward, it cannot become %s", cur.Status, cur.From, name))
	}
	if want == 0 {
		return m, nil
	}
	same := r
	if same.PresumedFull() {
		same.FullSince = same.ConversionDay(probationMonths)
	}
	if !r.Unknown() && same == PartyRecordOf(have, today) {
		m.Presumed = r.PresumedFull()
		return m, nil
	}
	var desired []PartyStatus
	switch {
	case !r.Unknown():
		desired, m.Presumed = r.Steps(idNumber, probationMonths, Date{}), r.PresumedFull()
	case want == partyRank(cur):
		return m, nil
	case want == 3 && cur != nil && cur.Status == StatusProbationary && !cur.FromUnknown:
		pr := PartyRecord{Status: StatusFull, JoinedParty: cur.From}
		if conv := pr.ConversionDay(probationMonths); conv.After(today) {
			return m, Invalid("政治面貌", FieldPoliticalStatus,
				fmt.Sprintf("系统中此人自 %s 起为中共预备党员，预备期至 %s 届满（党章第七条），届满前不能登记为中共党员", cur.From, conv),
				fmt.Sprintf("the registry has this person as probationary since %s; probation runs until %s (party constitution, Art. 7), before which the status cannot be full", cur.From, conv))
		}
		desired, m.Presumed = pr.Steps(idNumber, probationMonths, Date{}), true
	default:
		desired, m.Unknown = r.Steps(idNumber, probationMonths, unknownFrom), true
	}
	return m, m.place(have, desired)
}

// place pairs the desired party steps with the stored ones and ends the
// others where the desired ones begin, appending the writes to m.
func (m *PartyMerge) place(have, desired []PartyStatus) error {
	latest := map[string]int{}
	home, homeFrom := "", Date{}
	for i, s := range have {
		if !isPartyStatus(s.Status) {
			continue
		}
		if j, ok := latest[s.Status]; !ok || s.From.After(have[j].From) {
			latest[s.Status] = i
		}
		if s.HomePartyOrg != "" && (home == "" || s.From.After(homeFrom)) {
			home, homeFrom = s.HomePartyOrg, s.From
		}
	}
	used := map[int]bool{}
	var chainStart Date
	for _, d := range desired {
		j, ok := latest[d.Status]
		if !ok {
			d.HomePartyOrg = home
			m.Write = append(m.Write, d)
			continue
		}
		// The latest stored step of the status and the adjoining ones
		// before it (the relation moved: 组织关系转接): the first starts,
		// the last ends where the record says; those between stay.
		chain := []int{j}
		for {
			k := -1
			for i, s := range have {
				if s.Status == d.Status && !s.To.IsZero() && s.To.Equal(have[chain[0]].From) && s.From.Before(s.To) && !used[i] && i != chain[0] {
					k = i
					break
				}
			}
			if k < 0 {
				break
			}
			chain = append([]int{k}, chain...)
		}
		for _, i := range chain {
			used[i] = true
		}
		f, l := have[chain[0]], have[chain[len(chain)-1]]
		if chainStart.IsZero() || f.From.Before(chainStart) {
			chainStart = f.From
		}
		if len(chain) > 1 {
			field := FieldJoinedParty
			if d.Status == StatusFull {
				field = FieldFullSince
			}
			if !d.From.Before(have[chain[1]].From) || (!d.To.IsZero() && !d.To.After(l.From)) {
				return Invalid("政治面貌", field,
					fmt.Sprintf("与系统中此人的组织关系转接（%s）冲突：%s 须早于 %s", l.From, StatusNames[d.Status], have[chain[1]].From),
					fmt.Sprintf("conflicts with the transfer of this person's party relation on %s: the %s step must start before %s", l.From, d.Status, have[chain[1]].From))
			}
		}
		n := f
		n.From, n.FromUnknown = d.From, d.FromUnknown
		if len(chain) == 1 {
			n.To = d.To
		}
		if !n.From.Equal(f.From) || !n.To.Equal(f.To) || n.FromUnknown != f.FromUnknown {
			m.Write = append(m.Write, n)
		}
		if len(chain) > 1 && !l.To.Equal(d.To) {
			n := l
			n.To = d.To
			m.Write = append(m.Write, n)
		}
	}
	first := desired[0].From
	for i, s := range have {
		if used[i] {
			continue
		}
		n := s
		switch {
		case s.To.IsZero() || s.To.After(first):
			if !s.From.Before(first) {
				field, zh, en := FieldJoinedParty, fmt.Sprintf("系统中此人自 %s 起为%s，不早于入党日期 %s", s.From, StatusNames[s.Status], first),
					fmt.Sprintf("the registry has this person as %s since %s, not before the joining date %s", s.Status, s.From, first)
				if desired[0].FromUnknown {
					field, zh, en = FieldPoliticalStatus, fmt.Sprintf("日期 %s 不晚于现有政治面貌“%s”的开始日期 %s", first, StatusNames[s.Status], s.From),
						fmt.Sprintf("date %s is not after %s, the start of the current status (%s)", first, s.From, s.Status)
				}
				return Invalid("政治面貌", field, zh, en)
			}
			n.To = first
		case !chainStart.IsZero() && s.To.Equal(chainStart) && chainStart.Before(first):
			n.To = first
		}
		if !n.To.Equal(s.To) {
			m.Write = append(m.Write, n)
		}
	}
	return nil
}
