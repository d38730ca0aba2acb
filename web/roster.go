package web

import (
	"net/http"

	"hezuo/store"
)

// withAll is the attendees of a form whose 全选 box (all_attendees) is
// ticked: everyone on the form's roster, besides those ticked one by one.
// A browser without scripts sends only the box; with scripts the page also
// ticks every name. The roster is the one the form showed (the same query
// in the user's scope), and the save checks each attendee as before.
func withAll(r *http.Request, ids []int64, selected map[int64]bool, roster func() []int64) ([]int64, map[int64]bool) {
	if r.PostFormValue("all_attendees") == "" {
		return ids, selected
	}
	for _, id := range roster() {
		if !selected[id] {
			ids = append(ids, id)
			selected[id] = true
		}
	}
	return ids, selected
}

// attendeeIDs is the people of a meeting's roster.
func attendeeIDs(members []store.Attendee) []int64 {
	out := make([]int64, len(members))
	for i, m := range members {
		out[i] = m.PersonID
	}
	return out
}
