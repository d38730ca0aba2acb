package web

import "net/http"

// The instructors (党建工作指导员) and their dispatches.
var _ = addArea(area{Nav: "instructors", Path: "/instructors", At: 50, Audit: []string{"dispatch", "instructor"}})

var _ = pageRoute("GET /instructors", (*Server).instructorsPage)

func (s *Server) instructorsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := registryPage(s, r, "instructors", s.instructorList())
	if err != nil {
		return err
	}
	var nos []string
	for _, i := range v.Items {
		for _, d := range i.Dispatches {
			nos = append(nos, d.OrgNo)
		}
	}
	v.OrgNames(nos...) // the orgs dispatched to, by name, in one query
	return s.render(w, http.StatusOK, "instructors", v)
}
