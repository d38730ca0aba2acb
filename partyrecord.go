package hezuo

import "fmt"

// PartyRecord is a person's party standing as a row of the members import
// or the person form states it (政治面貌, 入党日期, 转正日期). JoinedParty
// is the day the person was admitted as a probationary member (预备党员,
// 党章 Art. 7); full membership starts at conversion (转正), FullSince.
// A full member's FullSince left empty is presumed to be JoinedParty plus
// the probation (党章 Art. 7: one year, counted as 民法典 Art. 202 counts a
// period). Both dates empty: since when is unknown (see Steps).
type PartyRecord struct {
	Status      string `json:"status,omitempty"`            // StatusFull, StatusProbationary, or "" (not a party member)
	JoinedParty Date   `json:"joined_party,omitempty"`      // 入党日期; zero when unknown
	FullSince   Date   `json:"full_member_since,omitempty"` // 转正日期; zero when not stated
}

// Form field and import column keys of a party record.
const (
	FieldPoliticalStatus = "political_status"
	FieldJoinedParty     = "joined_party"
	FieldFullSince       = "full_member_since"
)

// PresumedFull reports whether the record's conversion day is presumed: a
// full member with an admission day and no conversion day.
func (r PartyRecord) PresumedFull() bool {
	return r.Status == StatusFull && r.FullSince.IsZero() && !r.JoinedParty.IsZero()
}

// Unknown reports whether the record states a party member without any
// date: since when is unknown.
func (r PartyRecord) Unknown() bool {
	return r.Status != "" && r.JoinedParty.IsZero() && r.FullSince.IsZero()
}

// ConversionDay returns the first day of full membership: FullSince when
// stated, else JoinedParty plus probationMonths (Art. 202); zero for a
// probationary member or when both dates are unknown.
func (r PartyRecord) ConversionDay(probationMonths int) Date {
	switch {
	case r.Status != StatusFull:
		return Date{}
	case !r.FullSince.IsZero():
		return r.FullSince
	case !r.JoinedParty.IsZero():
		return r.JoinedParty.AddPeriod(0, probationMonths)
	}
	return Date{}
}

// Validate checks the record of a person born on birth (the ID number's
// birth date; zero: not checked) on today, with a probation of
// probationMonths: dates only for party members, a conversion day only for
// a full member; admission not before the 18th birthday (党章 Art. 1) and
// not after today; conversion not after today and at least probationMonths
// after admission (党章 Art. 7) — a stated one, or the presumed one of a
// full member, which must then have come by today; a conversion day given
// alone not before the 18th birthday. Errors are EINVALID
// with Field one of the Field* keys.
func (r PartyRecord) Validate(birth, today Date, probationMonths int) error {
	const rec = "政治面貌"
	var errs collector
	bad := func(field, zh, en string, args ...any) error {
		errs.add(Invalid(rec, field, fmt.Sprintf(zh, args...), fmt.Sprintf(en, args...)))
		return errs.err()
	}
	switch r.Status {
	case "":
		if !r.JoinedParty.IsZero() {
			bad(FieldJoinedParty, "填写了入党日期，但政治面貌不是党员", "a party joining date is given but the person is not a party member")
		}
		if !r.FullSince.IsZero() {
			bad(FieldFullSince, "填写了转正日期，但政治面貌不是党员", "a conversion date is given but the person is not a party member")
		}
		return errs.err()
	case StatusProbationary:
		if !r.FullSince.IsZero() {
			bad(FieldFullSince, "中共预备党员尚未转正，不应填写转正日期；已转正的请填 中共党员",
				"a probationary member has not converted: leave the conversion date empty, or state 中共党员")
		}
	case StatusFull:
	default:
		return bad(FieldPoliticalStatus, "政治面貌无效", "unknown political status %s", r.Status)
	}
	adult := Date{}
	if !birth.IsZero() {
		adult = birth.AddPeriod(0, 18*12)
	}
	if d := r.JoinedParty; !d.IsZero() {
		if d.After(today) {
			bad(FieldJoinedParty, "入党日期 %s 晚于今天 %s", "the joining date %s is after today (%s)", d, today)
		} else if d.Before(adult) {
			bad(FieldJoinedParty, "入党日期 %s 早于年满十八岁之日 %s（党章第一条）", "the joining date %s is before the 18th birthday, %s (party constitution, Art. 1)", d, adult)
		}
	}
	c := r.FullSince
	if c.IsZero() {
		if conv := r.ConversionDay(probationMonths); !conv.IsZero() && conv.After(today) {
			return bad(FieldJoinedParty, "入党日期 %s 至今不满 %d 个月，预备期至 %s 届满（党章第七条），应为 中共预备党员",
				"joined on %s, less than %d months ago: probation runs until %s (party constitution, Art. 7), so the status is 中共预备党员",
				r.JoinedParty, probationMonths, conv)
		}
		return errs.err()
	}
	if errs.has(FieldFullSince) {
		return errs.err()
	}
	if c.After(today) {
		return bad(FieldFullSince, "转正日期 %s 晚于今天 %s", "the conversion date %s is after today (%s)", c, today)
	}
	if d := r.JoinedParty; !d.IsZero() {
		if !c.After(d) {
			return bad(FieldFullSince, "转正日期 %s 不晚于入党日期 %s", "the conversion date %s is not after the joining date %s", c, d)
		}
		if end := d.AddPeriod(0, probationMonths); c.Before(end) {
			return bad(FieldFullSince, "转正日期 %s 距入党日期 %s 不满 %d 个月，预备期至 %s 届满（党章第七条）",
				"converted on %[1]s, less than %[3]d months after joining on %[2]s: probation runs until %[4]s (party constitution, Art. 7)",
				c, d, probationMonths, end)
		}
	} else if c.Before(adult) {
		// Alone, the conversion day may be what older imports stored as the
		// start of full membership (their 入党日期): only the age is certain.
		return bad(FieldFullSince, "转正日期 %s 早于年满十八岁之日 %s（党章第一条）", "the conversion date %s is before the 18th birthday, %s (party constitution, Art. 1)", c, adult)
	}
	return errs.err()
}

// Steps returns the party status steps the record describes for the person
// idNumber, in order, open at the end: a probationary step from JoinedParty
// (ending at the conversion day for a full member) and a full step from the
// conversion day; a full member with only FullSince gets the full step
// alone. A party member with neither date gets one step of the stated
// status from unknownFrom, marked FromUnknown: the status is a fact, since
// when is not. A record of no party member gives none.
func (r PartyRecord) Steps(idNumber string, probationMonths int, unknownFrom Date) []PartyStatus {
	step := func(status string, from, to Date) PartyStatus {
		return PartyStatus{IDNumber: idNumber, Status: status, Period: Period{From: from, To: to}}
	}
	switch {
	case r.Status == "":
		return nil
	case r.Unknown():
		s := step(r.Status, unknownFrom, Date{})
		s.FromUnknown = true
		return []PartyStatus{s}
	case r.Status == StatusProbationary:
		return []PartyStatus{step(StatusProbationary, r.JoinedParty, Date{})}
	}
	conv := r.ConversionDay(probationMonths)
	if r.JoinedParty.IsZero() {
		return []PartyStatus{step(StatusFull, conv, Date{})}
	}
	return []PartyStatus{step(StatusProbationary, r.JoinedParty, conv), step(StatusFull, conv, Date{})}
}
