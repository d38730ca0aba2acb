package web

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"hezuo"
)

// Every action that ends, dissolves or disables something asks first (issue
// 18): the page's form posts without confirm=1 and the handler, having
// checked what it can, answers with a page of its own that says what will
// happen (in the page's language, naming the records) and posts the same
// fields again with confirm=1 (确认) or leads back (取消). Nothing changes
// until that second post, so a stray click or a direct post without the
// field destroys nothing; the CSRF token is checked on both posts as on
// every post. It works without JavaScript.

// confirmView is the confirmation page.
type confirmView struct {
	Page
	Question string      // what will happen
	Facts    [][2]string // label → value, shown under the question
	Action   string      // where 确认 posts
	Fields   [][2]string // the fields posted again, with confirm=1
	Yes      string      // the 确认 button's text
	Back     string      // where 取消 leads: the page the action came from
}

// confirmed reports whether the post carries the confirmation.
func confirmed(r *http.Request) bool { return r.PostFormValue("confirm") == "1" }

// askFirst shows the confirmation page of the action posted in r. nav and
// titleKey name the page as pageOf does; yesKey is the 确认 button's text.
// It changes nothing.
func (s *Server) askFirst(w http.ResponseWriter, r *http.Request, nav, titleKey, yesKey, question, back string, facts ...[2]string) error {
	v := confirmView{Page: s.pageOf(r, nav, titleKey), Question: question, Facts: facts, Action: r.URL.EscapedPath(), Back: back}
	v.Yes = v.T(yesKey)
	keys := make([]string, 0, len(r.PostForm))
	for k := range r.PostForm {
		if k != "csrf" && k != "confirm" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, val := range r.PostForm[k] {
			v.Fields = append(v.Fields, [2]string{k, val})
		}
	}
	return s.render(w, http.StatusOK, "confirm", v)
}

// backTo is the page a post came from when it is one of this site's
// (the Referer's path and query), else fallback.
func backTo(r *http.Request, fallback string) string {
	if u, err := url.Parse(r.Referer()); err == nil && u.Path != "" && strings.HasPrefix(u.Path, "/") &&
		(u.Host == "" || u.Host == r.Host) && u.Path != r.URL.Path {
		if u.RawQuery != "" {
			return u.Path + "?" + u.RawQuery
		}
		return u.Path
	}
	return fallback
}

// q formats a question of the confirmation page in the page's language.
func q(r *http.Request, key string, args ...any) string {
	return fmt.Sprintf(tr(langOf(r), key), args...)
}

// askEndOrg asks before an org is dissolved (注销组织).
func (s *Server) askEndOrg(w http.ResponseWriter, r *http.Request, orgNo string, day hezuo.Date) error {
	d, err := s.db.GetOrg(r.Context(), accessOf(r), orgNo, s.today(), s.today())
	if err != nil {
		return err
	}
	lang := langOf(r)
	return s.askFirst(w, r, "orgs", "end_org", "confirm_end_org", q(r, "confirm_end_org_q", d.Name, day),
		backTo(r, "/orgs/"+url.PathEscape(orgNo)),
		[2]string{tr(lang, "org_id"), d.OrgNo}, [2]string{tr(lang, "name"), d.Name}, [2]string{tr(lang, "end_on"), day.String()})
}

// askEndPerson asks before a person leaves every org they belong to
// (退出全部组织), naming the orgs.
func (s *Server) askEndPerson(w http.ResponseWriter, r *http.Request, id int64, day hezuo.Date) error {
	a := accessOf(r)
	p, err := s.db.PersonForEdit(r.Context(), a, id, s.opt.Now())
	if err != nil {
		return err
	}
	recs, err := s.db.Memberships(r.Context(), a, id, s.today())
	if err != nil {
		return err
	}
	var orgs []string
	for _, m := range recs {
		if m.To.IsZero() || m.To.After(day) {
			orgs = append(orgs, m.OrgName)
		}
	}
	lang := langOf(r)
	sep := "、"
	if lang == "en" {
		sep = ", "
	}
	list := strings.Join(orgs, sep)
	if list == "" {
		list = tr(lang, "none")
	}
	return s.askFirst(w, r, "people", "leave_all", "confirm_leave_all", q(r, "confirm_leave_all_q", p.Name, day, len(orgs)),
		backTo(r, "/people/"+strconv.FormatInt(id, 10)),
		[2]string{tr(lang, "person_name"), p.Name}, [2]string{tr(lang, "memberships"), list}, [2]string{tr(lang, "left"), day.String()})
}

// askEndMembership asks before a person leaves one org (退出).
func (s *Server) askEndMembership(w http.ResponseWriter, r *http.Request, m *hezuo.MembershipRecord, day hezuo.Date) error {
	lang := langOf(r)
	return s.askFirst(w, r, "people", "leave", "confirm_leave", q(r, "confirm_leave_q", m.PersonName, m.OrgName, day),
		backTo(r, "/people/"+strconv.FormatInt(m.PersonID, 10)),
		[2]string{tr(lang, "person_name"), m.PersonName}, [2]string{tr(lang, "name"), m.OrgName}, [2]string{tr(lang, "left"), day.String()})
}

// askEndPartyOrg asks before a party organization is ended (撤销).
func (s *Server) askEndPartyOrg(w http.ResponseWriter, r *http.Request, no string, day hezuo.Date) error {
	p, err := s.db.PartyOrgForEdit(r.Context(), accessOf(r), no, s.today())
	if err != nil {
		return err
	}
	lang := langOf(r)
	return s.askFirst(w, r, "partyorgs", "end_partyorg", "confirm_end_partyorg", q(r, "confirm_end_partyorg_q", p.Name, day, len(p.Orgs)),
		backTo(r, "/partyorgs/"+url.PathEscape(no)+"/edit"),
		[2]string{tr(lang, "partyorg_no"), p.No}, [2]string{tr(lang, "name"), p.Name}, [2]string{tr(lang, "ended_on"), day.String()})
}

// askEndDispatch asks before an instructor's dispatch to an org ends (结束派驻).
func (s *Server) askEndDispatch(w http.ResponseWriter, r *http.Request, insID int64, orgNo string, from, day hezuo.Date) error {
	d, err := s.db.GetOrg(r.Context(), accessOf(r), orgNo, s.today(), s.today())
	if err != nil {
		return err
	}
	name := ""
	for _, in := range d.Instructors {
		if in.ID == insID {
			name = in.Name
		}
	}
	if name == "" {
		return hezuo.Errorf(hezuo.ENOTFOUND, "找不到该派驻", "no such dispatch")
	}
	lang := langOf(r)
	return s.askFirst(w, r, "instructors", "end_dispatch", "confirm_end_dispatch", q(r, "confirm_end_dispatch_q", name, d.Name, day),
		backTo(r, "/orgs/"+url.PathEscape(orgNo)),
		[2]string{tr(lang, "person_name"), name}, [2]string{tr(lang, "name"), d.Name},
		[2]string{tr(lang, "dispatch_from"), from.String()}, [2]string{tr(lang, "ended_on"), day.String()})
}

// askEndUnitPairing asks before a 包村联户 pairing ends (结束结对).
func (s *Server) askEndUnitPairing(w http.ResponseWriter, r *http.Request, id int64, day hezuo.Date) error {
	unit, target, err := s.db.UnitPairingNames(r.Context(), accessOf(r), id, s.today())
	if err != nil {
		return err
	}
	lang := langOf(r)
	return s.askFirst(w, r, "assistance", "end_pairing", "confirm_end_pairing", q(r, "confirm_end_pairing_q", unit, target, day),
		backTo(r, "/assistance?tab=units"),
		[2]string{tr(lang, "unit"), unit}, [2]string{tr(lang, "pairing_target"), target}, [2]string{tr(lang, "to"), day.String()})
}

// askHouseholdOut asks before a household is marked out of poverty (脱贫).
func (s *Server) askHouseholdOut(w http.ResponseWriter, r *http.Request, no string, day hezuo.Date, n int) error {
	lang := langOf(r)
	return s.askFirst(w, r, "assistance", "mark_out", "confirm_mark_out", q(r, "confirm_mark_out_q", no, day, n),
		backTo(r, "/assistance?tab=households"),
		[2]string{tr(lang, "left_poverty_on"), day.String()}, [2]string{tr(lang, "people_out"), strconv.Itoa(n)})
}

// askDisableUser asks before a user is disabled (停用).
func (s *Server) askDisableUser(w http.ResponseWriter, r *http.Request, u *hezuo.User) error {
	lang := langOf(r)
	return s.askFirst(w, r, "users", "disable", "confirm_disable", q(r, "confirm_disable_q", u.Name),
		"/users", [2]string{tr(lang, "username"), u.Name}, [2]string{tr(lang, "role"), Page{Lang: lang}.Name("role", u.Role)})
}

// askRejectLoan asks before a loan application is refused (不予批准).
func (s *Server) askRejectLoan(w http.ResponseWriter, r *http.Request, no string, day hezuo.Date) error {
	if _, err := s.db.GetLoan(r.Context(), accessOf(r), no, s.today(), s.today()); err != nil {
		return err
	}
	return s.askFirst(w, r, "loans", "act_reject", "confirm_reject", q(r, "confirm_reject_q", no, day),
		backTo(r, "/loans/"+url.PathEscape(no)))
}
