package rules

import (
	"fmt"
	"sort"

	"hezuo"
)

// Overdue kinds besides the meeting kinds (hezuo.Meeting*).
const (
	OverdueContactVisit = "contact_visit" // 走访联系户
	OverdueCommitment   = "commitment"    // 年度党员承诺
	OverdueFulfilment   = "fulfilment"    // 践诺评议
)

// OrgLife is one party organization's institutional record on a day: its
// form, when it was founded, the last meeting of each kind held on or
// before the day, its members' linked households and commitments.
type OrgLife struct {
	PartyOrg, Name, Form, JointKind string
	Township, TownshipName          string // 9 digits, and its name

	Orgs         []string // org numbers it covers
	Since        hezuo.Date
	HasCommittee bool
	Last         map[string]hezuo.Date // meeting kind → last held
	Contacts     []Contact
	Members      []Member
}

// Contact is an active link of a party member to a household, with the
// last visit on or before the day (zero: none yet).
type Contact struct {
	Member, Household, Head string
	Since, LastVisit        hezuo.Date
	PersonID                int64 // the member's database id (0: unknown)
}

// Member is a party member of the organization on the day: since when, and
// the state of this year's and last year's commitments.
type Member struct {
	Name         string
	PersonID     int64      // database id (0: unknown)
	LastYearID   int64      // database id of last year's commitment (0: none)
	Since        hezuo.Date // a party member of this organization since
	Committed    bool       // made this year's commitment
	LastYear     bool       // made last year's commitment
	LastAssessed bool       // last year's commitment has been assessed (践诺)
}

// Overdue is one institution a party organization has let lapse on a day:
// a meeting kind, a visit, a commitment or its assessment, with what was
// last done, when the next was due and why.
type Overdue struct {
	PartyOrg    string       `json:"party_org"`
	Name        string       `json:"name"`
	Form        string       `json:"form"`
	Township    string       `json:"township"`
	TownName    string       `json:"township_name"`
	Orgs        []string     `json:"orgs"`
	Kind        string       `json:"kind"`
	Subject     string       `json:"subject,omitempty"` // the member or household concerned
	Last        hezuo.Date   `json:"last,omitempty"`
	Due         hezuo.Date   `json:"due"`
	DaysOverdue int          `json:"days_overdue"`
	Reason      hezuo.Reason `json:"-"`
	// What the record that settles it refers to, for a form to start
	// from: the member (a visit, a commitment), the household (a visit),
	// last year's commitment (its fulfilment).
	PersonID   int64  `json:"-"`
	Household  string `json:"-"`
	Commitment int64  `json:"-"`
}

// interval returns the settings key, months and source of a meeting kind.
func (s Settings) interval(kind string) (string, int, cite) {
	switch kind {
	case hezuo.MeetingMembers:
		return KeyMembersMeetingMonths, s.MembersMeetingMonths, source(KeyMembersMeetingMonths)
	case hezuo.MeetingCommittee:
		return KeyCommitteeMeetingMonths, s.CommitteeMeetingMonths, source(KeyCommitteeMeetingMonths)
	case hezuo.MeetingGroup:
		return KeyGroupMeetingMonths, s.GroupMeetingMonths, source(KeyGroupMeetingMonths)
	case hezuo.MeetingLecture:
		return KeyLectureMonths, s.LectureMonths, source(KeyLectureMonths)
	case hezuo.MeetingThemeDay:
		return KeyThemeDayMonths, s.ThemeDayMonths, source(KeyThemeDayMonths)
	case hezuo.MeetingLife:
		return KeyLifeMeetingMonths, s.LifeMeetingMonths, source(KeyLifeMeetingMonths)
	case hezuo.MeetingAppraisal:
		return KeyAppraisalMonths, s.AppraisalMonths, source(KeyAppraisalMonths)
	case hezuo.MeetingJoint:
		return KeyJointMeetingMonths, s.JointMeetingMonths, source(KeyJointMeetingMonths)
	}
	return "", 0, cite{}
}

// ExpectedMeetings returns the meeting kinds a party organization must
// hold: a party group its group meetings; a branch (of any size, joint
// ones included) members' meetings, lectures, theme days, the
// organizational-life meeting and the appraisal, committee meetings when it
// has a committee, and — unless it is a joint branch with its own village —
// joint meetings with the village party organization.
func ExpectedMeetings(form, jointKind string, hasCommittee bool) []string {
	switch form {
	case hezuo.FormPartyGroup:
		return []string{hezuo.MeetingGroup}
	case hezuo.FormBranch, hezuo.FormGeneralBranch, hezuo.FormCommittee, hezuo.FormJointBranch:
		out := []string{hezuo.MeetingMembers}
		if hasCommittee {
			out = append(out, hezuo.MeetingCommittee)
		}
		out = append(out, hezuo.MeetingLecture, hezuo.MeetingThemeDay, hezuo.MeetingLife, hezuo.MeetingAppraisal)
		if jointKind != hezuo.JointVillageOrg {
			out = append(out, hezuo.MeetingJoint)
		}
		return out
	}
	return nil
}

// OverdueOn lists what each organization has let lapse on day: meetings
// not held within their interval since the last one (or since the
// organization was founded), linked households not visited within the
// visit interval, members without this year's commitment after its month,
// and last year's commitments not assessed after theirs. The list is
// ordered by township, organization, kind and subject.
func (s Settings) OverdueOn(orgs []OrgLife, day hezuo.Date) []Overdue {
	var out []Overdue
	for i := range orgs {
		o := &orgs[i]
		add := func(kind, subject string, last, due hezuo.Date, r hezuo.Reason, ref Overdue) {
			out = append(out, Overdue{PartyOrg: o.PartyOrg, Name: o.Name, Form: o.Form, Township: o.Township,
				TownName: o.TownshipName, Orgs: o.Orgs, Kind: kind, Subject: subject, Last: last, Due: due, DaysOverdue: due.DaysUntil(day), Reason: r,
				PersonID: ref.PersonID, Household: ref.Household, Commitment: ref.Commitment})
		}
		for _, kind := range ExpectedMeetings(o.Form, o.JointKind, o.HasCommittee) {
			key, months, src := s.interval(kind)
			last := o.Last[kind]
			base := last
			if base.IsZero() {
				base = o.Since
			}
			due := base.AddPeriod(0, months)
			if !day.After(due) {
				continue
			}
			zh, en := hezuo.MeetingNames[kind], hezuo.MeetingNamesEN[kind]
			var r hezuo.Reason
			if last.IsZero() {
				r = hezuo.Reason{Rule: key,
					ZH: fmt.Sprintf("自 %s 成立以来未召开%s；应每 %d 个月至少一次，已于 %s 到期，逾期 %d 天（%s）", o.Since, zh, months, due, due.DaysUntil(day), src.zh),
					EN: fmt.Sprintf("no %s since it was founded on %s; one is due every %s, the first by %s: %d days overdue (%s)", en, o.Since, countEN(months, "month"), due, due.DaysUntil(day), src.en)}
			} else {
				r = hezuo.Reason{Rule: key,
					ZH: fmt.Sprintf("上次%s于 %s 召开；应每 %d 个月至少一次，已于 %s 到期，逾期 %d 天（%s）", zh, last, months, due, due.DaysUntil(day), src.zh),
					EN: fmt.Sprintf("last %s on %s; one is due every %s, the next by %s: %d days overdue (%s)", en, last, countEN(months, "month"), due, due.DaysUntil(day), src.en)}
			}
			add(kind, "", last, due, r, Overdue{})
		}
		s.overdueContacts(o, day, add)
		s.overdueCommitments(o, day, add)
	}
	rank := map[string]int{}
	for i, k := range append(append([]string(nil), hezuo.MeetingKinds...), OverdueContactVisit, OverdueCommitment, OverdueFulfilment) {
		rank[k] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		switch {
		case a.Township != b.Township:
			return a.Township < b.Township
		case a.PartyOrg != b.PartyOrg:
			return a.PartyOrg < b.PartyOrg
		case a.Kind != b.Kind:
			return rank[a.Kind] < rank[b.Kind]
		}
		return a.Subject < b.Subject
	})
	return out
}

// addFunc adds an overdue item; ref carries the ids of what it concerns
// (Overdue.PersonID, Household, Commitment).
type addFunc func(kind, subject string, last, due hezuo.Date, r hezuo.Reason, ref Overdue)

func (s Settings) overdueContacts(o *OrgLife, day hezuo.Date, add addFunc) {
	src := source(KeyContactVisitMonths)
	n := s.ContactVisitMonths
	for _, c := range o.Contacts {
		base := c.LastVisit
		if base.IsZero() {
			base = c.Since
		}
		due := base.AddPeriod(0, n)
		if !day.After(due) {
			continue
		}
		subject := c.Member + "→" + c.Head
		since := "上次走访于 " + c.LastVisit.String()
		sinceEN := "last visit on " + c.LastVisit.String()
		if c.LastVisit.IsZero() {
			since, sinceEN = "自 "+c.Since.String()+" 建立联系以来未走访", "not visited since the link began on "+c.Since.String()
		}
		add(OverdueContactVisit, subject, c.LastVisit, due, hezuo.Reason{Rule: KeyContactVisitMonths,
			ZH: fmt.Sprintf("党员%s联系户%s（%s）：%s；应每 %d 个月至少走访一次，已于 %s 到期（%s）", c.Member, c.Head, c.Household, since, n, due, src.zh),
			EN: fmt.Sprintf("%s's linked household %s (%s): %s; a visit is due every %s, the next by %s (%s)", c.Member, c.Head, c.Household, sinceEN, countEN(n, "month"), due, src.en)},
			Overdue{PersonID: c.PersonID, Household: c.Household})
	}
}

func (s Settings) overdueCommitments(o *OrgLife, day hezuo.Date, add addFunc) {
	src := source(KeyCommitmentByMonth)
	year := day.Year()
	due := hezuo.DateOf(year, 1, 1).AddDate(0, s.CommitmentByMonth, -1) // the last day of the month
	review := hezuo.DateOf(year, 1, 1).AddDate(0, s.FulfilmentByMonth, -1)
	for _, m := range o.Members {
		if !m.Committed && day.After(due) && m.Since.Before(due) {
			add(OverdueCommitment, m.Name, hezuo.Date{}, due, hezuo.Reason{Rule: KeyCommitmentByMonth,
				ZH: fmt.Sprintf("党员%s未作出 %d 年度承诺，应于 %s 前作出（%s）", m.Name, year, due, src.zh),
				EN: fmt.Sprintf("%s has made no commitment for %d, due by %s (%s)", m.Name, year, due, src.en)},
				Overdue{PersonID: m.PersonID})
		}
		if m.LastYear && !m.LastAssessed && day.After(review) {
			add(OverdueFulfilment, m.Name, hezuo.Date{}, review, hezuo.Reason{Rule: KeyFulfilmentByMonth,
				ZH: fmt.Sprintf("党员%s的 %d 年度承诺尚未评议践诺情况，应于 %s 前完成（%s）", m.Name, year-1, review, source(KeyFulfilmentByMonth).zh),
				EN: fmt.Sprintf("%s's commitment for %d has not been assessed, due by %s (%s)", m.Name, year-1, review, source(KeyFulfilmentByMonth).en)},
				Overdue{PersonID: m.PersonID, Commitment: m.LastYearID})
		}
	}
}
