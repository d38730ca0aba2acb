package web

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"hezuo"
	"hezuo/store"
)

// pickRate is the forms' pickers' rate per user: a picker asks once a
// keystroke pause (web/assets/picker.js waits 250 ms), so bursts of 30 and
// then 5 a second are plenty for a person and bound a script.
var pickRate = Rate{Every: 200 * time.Millisecond, Burst: 30}

// apiPick: GET /api/pick?kind=division|org|partyorg|person|guarantor|unit&q=…&within=…
// (&level= for divisions; &code= for the one record of a stored value) →
// {"items": [{"value", "label", "detail"}]}: at most store.PickLimit records
// the user may see, by name (web/assets/picker.js). People's ID numbers are
// masked; a person's value is "#" and its database id, which the forms
// resolve on the server (personRef).
func (s *Server) apiPick(w http.ResponseWriter, r *http.Request) error {
	sess := sessionOf(r)
	if ok, wait := s.limits.allow("pick\x00user:"+strconv.FormatInt(sess.User.ID, 10), pickRate, s.opt.Now()); !ok {
		secs := int(math.Ceil(wait.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		return hezuo.Errorf(hezuo.ELOCKED, "请求过于频繁，请 %d 秒后再试", "too many requests: try again in %d seconds", secs)
	}
	q := r.URL.Query()
	items, err := s.db.Pick(r.Context(), accessOf(r), store.PickQuery{Kind: q.Get("kind"), Q: q.Get("q"),
		Within: q.Get("within"), Code: q.Get("code"), Level: q.Get("level")}, s.today())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, pickJSON{Items: items})
	return nil
}

// personRef turns a person picker's value ("#" and a database id) into the
// person's ID number for a write that takes one; anything else (a typed ID
// number) is returned as it is. The number never reaches the page: the form
// keeps showing the picker's value. A person a may not see (or a role that
// does not write) is refused beside field in errs, as the store refuses a
// person out of reach.
func (s *Server) personRef(r *http.Request, errs map[string]string, field, v string) string {
	v = strings.TrimSpace(v)
	id, ok := store.PersonRef(v)
	if !ok {
		return v
	}
	n, err := s.db.PersonIDNumber(r.Context(), accessOf(r), id, s.today())
	if err != nil {
		if errs[field] == "" {
			errs[field] = hezuo.OutOfReach("", field).Message(langOf(r))
		}
		return v
	}
	return n
}
