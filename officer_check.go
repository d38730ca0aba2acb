package hezuo

import "fmt"

// CheckPost checks an officer against the records the post depends on, as
// every write of a post does (import and form; the store reads them):
//
//   - po, the party organization, exists over the whole period: the post
//     starts on or after its founding and, when it was dissolved, ends by
//     then;
//   - the post fits the form: a party group (党小组) has a leader and only
//     a leader; 党小组长 is a post of party groups alone;
//   - the person is a full party member (正式党员) on the start date: the
//     officers of a party organization are elected by its members from its
//     members, and a probationary member has no right to elect or be
//     elected (《中国共产党章程》第七条); steps are the person's party
//     status steps;
//   - it overlaps no other post of po (others; o's own key is skipped): no
//     person holds two posts of one organization at once, and an
//     organization has one secretary (or group leader) and one member of
//     each duty at a time.
//
// The fields of the error are those of the import's columns: party_org,
// role, from, to.
func (o *Officer) CheckPost(po *PartyOrg, steps []PartyStatus, others []Officer) error {
	rec := "任职 " + o.PartyOrg
	if po.From.After(o.From) {
		return Invalid(rec, "from", fmt.Sprintf("任职日期早于党组织成立日期 %s", po.From),
			fmt.Sprintf("the post starts before the party organization was founded (%s)", po.From))
	}
	if !po.To.IsZero() {
		if !o.From.Before(po.To) {
			return Invalid(rec, "from", fmt.Sprintf("党组织已于 %s 撤销", po.To), fmt.Sprintf("the party organization was dissolved on %s", po.To))
		}
		if o.To.IsZero() || o.To.After(po.To) {
			return Invalid(rec, "to", fmt.Sprintf("党组织已于 %s 撤销，离任日期不能晚于该日", po.To),
				fmt.Sprintf("the party organization was dissolved on %s: the post ends by then", po.To))
		}
	}
	if (po.Form == FormPartyGroup) != (o.Role == RoleLeader) {
		if o.Role == RoleLeader {
			return Invalid(rec, "role", "党小组长只设于产业党小组", "a group leader serves in a party group only")
		}
		return Invalid(rec, "role", "党小组只设党小组长", "a party group has a group leader only")
	}
	full := false
	for _, s := range steps {
		full = full || (s.Status == StatusFull && s.ActiveOn(o.From))
	}
	if !full {
		return Invalid(rec, "id_number", fmt.Sprintf("任职日期 %s 时此人不是正式党员：党组织领导成员从正式党员中选举产生，预备党员没有选举权和被选举权（《中国共产党章程》第七条）", o.From),
			fmt.Sprintf("not a full party member on %s: officers are elected from full members, and probationary members may not be elected (Party Constitution, Art. 7)", o.From))
	}
	for _, x := range others {
		if x.PartyOrg != o.PartyOrg || (x.IDNumber == o.IDNumber && x.Role == o.Role && x.From.Equal(o.From)) || !Overlap(x.Period, o.Period) {
			continue
		}
		name := x.Post().ZH
		switch {
		case x.IDNumber == o.IDNumber:
			return Invalid(rec, "from", fmt.Sprintf("此人同期已在该党组织担任%s（自 %s 起）", name, x.From),
				fmt.Sprintf("the person already holds a post here (%s, from %s) during this period", x.Post().EN, x.From))
		case (o.Role == RoleSecretary || o.Role == RoleLeader) && x.Role == o.Role,
			o.Duty != "" && x.Role == o.Role && x.Duty == o.Duty:
			return Invalid(rec, "role", fmt.Sprintf("该党组织同期已有%s（自 %s 起），请先办理其离任", name, x.From),
				fmt.Sprintf("the party organization already has a %s during this period (from %s): end that post first", x.Post().EN, x.From))
		}
	}
	return nil
}

// Overlap reports whether two periods share a day.
func Overlap(a, b Period) bool {
	return (b.To.IsZero() || a.From.Before(b.To)) && (a.To.IsZero() || b.From.Before(a.To))
}
