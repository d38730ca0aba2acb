package web

import (
	"net/http"

	"hezuo/store"
)

// attendees reads the attendees a form ticked (attendees), once each, and
// the set of them. When its 全选 box (all_attendees) is ticked, everyone on
// the form's roster joins those ticked one by one. A browser without
// scripts sends only the box; with scripts the page also ticks every name.
// The roster is the one the form showed (the same query in the user's
// scope), and the save checks each attendee as before.
func attendees(r *http.Request, roster func() []int64) ([]int64, map[int64]bool) {
	out, selected := ids(r, "attendees")
	if r.PostFormValue("all_attendees") == "" {
		return out, selected
	}
	for _, id := range roster() {
		if !selected[id] {
			out = append(out, id)
			selected[id] = true
		}
	}
	return out, selected
}

// attendeeIDs is the people of a meeting's roster.
func attendeeIDs(members []store.Attendee) []int64 {
	out := make([]int64, len(members))
	for i, m := range members {
		out[i] = m.PersonID
	}
	return out
}
