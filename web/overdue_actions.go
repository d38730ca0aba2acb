package web

import (
	"net/url"
	"strconv"

	"hezuo/rules"
)

// overdueAction returns the action settling an overdue item — 登记会议,
// 登记走访, 登记承诺 or 登记践诺 — as its label in lang and the address of its
// form, prefilled through the query parameters the form reads: the party
// organization and the meeting kind, the member and the household, the
// member, or last year's commitment. It returns "" when the item names
// nothing a form can start from.
func overdueAction(lang string, o rules.Overdue) (label, href string) {
	switch o.Kind {
	case rules.OverdueContactVisit:
		if o.PersonID == 0 {
			return "", ""
		}
		q := url.Values{"person": {strconv.FormatInt(o.PersonID, 10)}, "household": {o.Household}}
		return tr(lang, "record_visit_now"), "/institutions/visits/new?" + q.Encode()
	case rules.OverdueCommitment:
		q := url.Values{"party_org": {o.PartyOrg}}
		if o.PersonID != 0 {
			q.Set("person", strconv.FormatInt(o.PersonID, 10))
		}
		return tr(lang, "record_commitment"), "/institutions/commitments/new?" + q.Encode()
	case rules.OverdueFulfilment:
		if o.Commitment == 0 {
			return "", ""
		}
		return tr(lang, "record_fulfilment"), "/institutions/commitments/" + strconv.FormatInt(o.Commitment, 10) + "/fulfil"
	}
	q := url.Values{"party_org": {o.PartyOrg}, "kind": {o.Kind}}
	return tr(lang, "record_meeting"), "/institutions/meetings/new?" + q.Encode()
}

// overdueRow is a row of the overdue list with its action.
type overdueRow struct {
	rules.Overdue
	ActionLabel, ActionURL string
}

// overdueRows adds each item's action (overdueAction).
func overdueRows(lang string, items []rules.Overdue) []overdueRow {
	out := make([]overdueRow, len(items))
	for i, o := range items {
		out[i].Overdue = o
		out[i].ActionLabel, out[i].ActionURL = overdueAction(lang, o)
	}
	return out
}
