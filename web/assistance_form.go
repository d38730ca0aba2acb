package web

import (
	"net/http"
	"strconv"
	"strings"

	"hezuo"
)

// assistanceFailed shows the assistance page again (the list of tab) with
// err beside its field and the form's values as typed, or returns err for
// the error page.
func (s *Server) assistanceFailed(w http.ResponseWriter, r *http.Request, tab string, err error, form map[string]string, fields ...string) error {
	if _, shown := formError(langOf(r), err, map[string]string{}, fields...); !shown {
		return err // a refusal of the request itself (403, 404…), before the page is read
	}
	q := r.URL.Query()
	q.Set("tab", tab)
	r.URL.RawQuery = q.Encode()
	v, verr := s.assistanceView(r)
	if verr != nil {
		return verr
	}
	v.General, _ = formError(v.Lang, err, v.Errors, fields...)
	v.Form = form
	return s.render(w, s.statusOf(err), "assistance", v)
}

// formMap reads the named fields of a form, trimmed.
func formMap(r *http.Request, names ...string) map[string]string {
	m := map[string]string{}
	for _, n := range names {
		m[n] = strings.TrimSpace(r.PostFormValue(n))
	}
	return m
}

// dateField parses form[k] ("" is the zero date), returning an EINVALID
// error beside k for a bad date.
func dateField(lang string, form map[string]string, k string) (hezuo.Date, error) {
	if form[k] == "" {
		return hezuo.Date{}, nil
	}
	d, err := hezuo.ParseDate(form[k])
	if err != nil {
		msg := hezuo.ErrorMessage(err, lang)
		return d, hezuo.Invalid("", k, msg, msg)
	}
	return d, nil
}

var _ = pageRoute("POST /assistance/units", (*Server).unitPairingSubmit)

// unitPairingSubmit records a new 包村联户 pairing.
func (s *Server) unitPairingSubmit(w http.ResponseWriter, r *http.Request) error {
	form := formMap(r, "unit", "org_id", "village", "note", "from", "to")
	fields := []string{"unit", "org_id", "village", "from", "to"}
	lang := langOf(r)
	up := hezuo.UnitPairing{Unit: form["unit"], OrgNo: form["org_id"], Village: form["village"], Note: form["note"]}
	var fromErr, toErr error
	up.From, fromErr = dateField(lang, form, "from")
	up.To, toErr = dateField(lang, form, "to")
	err := hezuo.JoinErrors(fromErr, toErr)
	if err != nil {
		// Nothing is saved; the pairing's own checks are shown too.
		err = hezuo.JoinErrors(err, up.Validate())
	} else {
		err = s.db.CreateUnitPairing(r.Context(), accessOf(r), up, s.today(), s.opt.Now())
	}
	if err != nil {
		return s.assistanceFailed(w, r, "units", err, form, fields...)
	}
	http.Redirect(w, r, "/assistance?tab=units&saved=1", http.StatusSeeOther)
	return nil
}

var _ = pageRoute("POST /assistance/units/{id}/end", (*Server).unitPairingEndSubmit)

// unitPairingEndSubmit ends a 包村联户 pairing on the day given, once
// confirmed (askFirst).
func (s *Server) unitPairingEndSubmit(w http.ResponseWriter, r *http.Request) error {
	id, err := idParam(r, "id")
	if err != nil {
		return err
	}
	form := formMap(r, "to")
	day, err := dateField(langOf(r), form, "to")
	if err == nil && day.IsZero() {
		err = hezuo.Invalid("", "to", "请填写结束日期", "the end date is missing")
	}
	if err == nil && !confirmed(r) {
		if err = s.askEndUnitPairing(w, r, id, day); err == nil {
			return nil
		}
	}
	if err == nil {
		err = s.db.EndUnitPairing(r.Context(), accessOf(r), id, day, s.opt.Now())
	}
	if err != nil {
		return s.assistanceFailed(w, r, "units", err, form, "to")
	}
	http.Redirect(w, r, "/assistance?tab=units&saved=1", http.StatusSeeOther)
	return nil
}

var _ = pageRoute("POST /assistance/households", (*Server).householdPairingSubmit)

// householdPairingSubmit records a new 结对帮扶 pairing, with a new
// household when its head is given.
func (s *Server) householdPairingSubmit(w http.ResponseWriter, r *http.Request) error {
	form := formMap(r, "member", "household", "head", "village", "size", "poverty", "org_id", "help", "from")
	fields := []string{"member", "household", "head", "village", "size", "poverty", "org_id", "from"}
	lang := langOf(r)
	refErrs := map[string]string{} // a member chosen in the picker
	hp := hezuo.HouseholdPairing{IDNumber: s.personRef(r, refErrs, "member", strings.ToUpper(form["member"])), Household: form["household"], OrgNo: form["org_id"], Help: form["help"]}
	var hh *hezuo.Household
	from, err := dateField(lang, form, "from")
	hp.From = from
	var memberErr, sizeErr error
	if refErrs["member"] != "" {
		memberErr = hezuo.OutOfReach("", "member")
	}
	if form["head"] != "" {
		hh = &hezuo.Household{No: form["household"], Head: form["head"], Village: form["village"], Poverty: form["poverty"]}
		var ok bool
		if hh.Size, ok = atoiOr(form["size"], 0); !ok {
			sizeErr = hezuo.Invalid("", "size", tr(lang, "bad_int"), tr(lang, "bad_int"))
		}
	}
	if err = hezuo.JoinErrors(err, memberErr, sizeErr); err != nil {
		// Nothing is saved; the household's and the pairing's own checks
		// are shown too (a stand-in for what is already reported).
		own := hp
		if own.IDNumber == "" {
			own.IDNumber = "-"
		}
		if own.Household == "" && hh != nil {
			own.Household = "-"
		}
		err = hezuo.JoinErrors(err, own.Validate())
		if hh != nil {
			h := *hh
			if h.No == "" {
				h.No = "-"
			}
			if sizeErr != nil {
				h.Size = 1
			}
			err = hezuo.JoinErrors(err, renameFields(h.Validate(), map[string]string{"no": "household"}))
		}
	} else {
		err = s.db.CreateHouseholdPairing(r.Context(), accessOf(r), hp, hh, s.today(), s.opt.Now())
	}
	if err != nil {
		return s.assistanceFailed(w, r, "households", err, form, fields...)
	}
	http.Redirect(w, r, "/assistance?tab=households&saved=1", http.StatusSeeOther)
	return nil
}

var _ = pageRoute("POST /assistance/households/{no}/out", (*Server).householdOutSubmit)

// householdOutSubmit records that a household left poverty, once
// confirmed (askFirst).
func (s *Server) householdOutSubmit(w http.ResponseWriter, r *http.Request) error {
	form := formMap(r, "left_poverty_on", "people_out")
	lang := langOf(r)
	day, err := dateField(lang, form, "left_poverty_on")
	n, nerr := strconv.Atoi(form["people_out"])
	if nerr != nil { // reported with a bad date, both at once
		err = hezuo.JoinErrors(err, hezuo.Invalid("", "people_out", tr(lang, "bad_int"), tr(lang, "bad_int")))
	}
	if err == nil && !confirmed(r) {
		return s.askHouseholdOut(w, r, r.PathValue("no"), day, n)
	}
	if err == nil {
		err = s.db.MarkOutOfPoverty(r.Context(), accessOf(r), r.PathValue("no"), day, n, s.today(), s.opt.Now())
	}
	if err != nil {
		return s.assistanceFailed(w, r, "households", err, form, "left_poverty_on", "people_out")
	}
	http.Redirect(w, r, "/assistance?tab=households&saved=1", http.StatusSeeOther)
	return nil
}
