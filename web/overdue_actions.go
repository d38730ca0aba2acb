package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

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

// overdueRows adds each item's action (overdueAction), returning to back
// once saved.
func overdueRows(lang string, items []rules.Overdue, back string) []overdueRow {
	out := make([]overdueRow, len(items))
	for i, o := range items {
		out[i].Overdue = o
		label, href := overdueAction(lang, o)
		out[i].ActionLabel, out[i].ActionURL = label, withBack(href, back)
	}
	return out
}

// backParam is the query parameter of a form opened from a list, naming
// where to return once the record is saved (the overdue list it was on).
const backParam = "back"

// Back returns where the form of the page returns after saving: the
// request's ?back= when it is a path on this site, else "".
func (p Page) Back() string {
	u, err := url.Parse(p.Path)
	if err != nil {
		return ""
	}
	b := u.Query().Get(backParam)
	if b == "" || localTarget(b) != b {
		return ""
	}
	return b
}

// BackQuery is "?back=…" for a form's action when the page has a Back, so
// that the form's submission (and its refusal shown again) keeps it.
func (p Page) BackQuery() string {
	if b := p.Back(); b != "" {
		return "?" + url.Values{backParam: {b}}.Encode()
	}
	return ""
}

// savedTo returns where a form's handler redirects after saving: the
// request's ?back= marked saved, else def.
func savedTo(r *http.Request, def string) string {
	b := r.URL.Query().Get(backParam)
	if b == "" || localTarget(b) != b {
		return def
	}
	u, err := url.Parse(b)
	if err != nil {
		return def
	}
	q := u.Query()
	q.Set("saved", "1")
	u.RawQuery = q.Encode()
	return u.String()
}

// withBack adds ?back=back to a form's address (none when back is "").
func withBack(href, back string) string {
	if href == "" || back == "" {
		return href
	}
	sep := "?"
	if strings.Contains(href, "?") {
		sep = "&"
	}
	return href + sep + url.Values{backParam: {back}}.Encode()
}

// listBack is the address of the list a request shows, without its
// ?saved= flag: where a form opened from it returns.
func listBack(r *http.Request) string {
	q := r.URL.Query()
	q.Del("saved")
	if len(q) == 0 {
		return r.URL.Path
	}
	return r.URL.Path + "?" + q.Encode()
}
