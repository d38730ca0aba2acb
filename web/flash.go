package web

import (
	"fmt"
	"net/http"
	"strconv"
)

// flashOf returns the message a page shows after a redirect from a form,
// read from the query the form's handler redirected to: ?saved=1,
// ?ended=N (memberships ended), ?accepted=N (records a plan created).
func flashOf(r *http.Request, lang string) string {
	q := r.URL.Query()
	count := func(k string) int { n, _ := strconv.Atoi(q.Get(k)); return n }
	switch {
	case q.Get("saved") != "":
		return tr(lang, "saved")
	case q.Has("ended"):
		return fmt.Sprintf(tr(lang, "ended_n"), count("ended"))
	case q.Has("accepted"):
		return fmt.Sprintf(tr(lang, "accepted_n"), count("accepted"))
	}
	return ""
}
