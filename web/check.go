package web

import (
	"net/http"
	"sort"

	"hezuo"
)

// checkView is the check page: per township, the blank spots and the orgs
// that should build and have not, then the rows of the list asked for
// (hezuo.CheckFacts.InList: all, ok, should_build or uncovered).
type checkView struct {
	Page
	AsOf      string
	Scope     string
	Status    string
	Townships []townshipCheck
	Rows      []hezuo.CheckView
	Uncovered int
	Should    int
	// UnknownParty counts the party members counted without a known start
	// (no 入党日期); UnknownPartyDates lists the first maxUnknownShown.
	UnknownParty      int
	UnknownPartyDates []hezuo.UnknownPartyDate
}

// maxUnknownShown bounds the list of party members without a joining date.
const maxUnknownShown = 200

// townshipCheck is one township's line of the check page.
type townshipCheck struct {
	Code, Name  string
	Orgs        int
	Uncovered   []hezuo.CheckView
	ShouldBuild []hezuo.CheckView
}

func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	rows, err := s.db.ScopedCheck(r.Context(), a, sc, day)
	if err != nil {
		return err
	}
	names, err := s.db.DivisionNames(r.Context(), a, sc, hezuo.LevelTownship)
	if err != nil {
		return err
	}
	v := checkView{Page: s.pageOf(r, "check", "check"), AsOf: day.String(), Scope: r.URL.Query().Get("scope"), Status: r.URL.Query().Get("status")}
	byTown := map[string]*townshipCheck{}
	for _, row := range rows {
		t := byTown[row.Township]
		if t == nil {
			t = &townshipCheck{Code: row.Township, Name: names[row.Township]}
			byTown[row.Township] = t
		}
		t.Orgs++
		cv := row.View(v.Lang)
		// The figures' own predicates (rules.Uncovered,
		// rules.ShouldBuildNotBuilt): a blank spot that must build is in
		// both columns and both lists, as the dashboard counts it.
		if row.InList(hezuo.ListUncovered) {
			t.Uncovered = append(t.Uncovered, cv)
			v.Uncovered++
		}
		if row.InList(hezuo.ListShouldBuild) {
			t.ShouldBuild = append(t.ShouldBuild, cv)
			v.Should++
		}
		if row.InList(v.Status) {
			v.Rows = append(v.Rows, cv)
		}
	}
	for _, t := range byTown {
		v.Townships = append(v.Townships, *t)
	}
	sort.Slice(v.Townships, func(i, j int) bool { return v.Townships[i].Code < v.Townships[j].Code })
	us, err := s.db.ScopedPartyDatesUnknown(r.Context(), a, sc, day)
	if err != nil {
		return err
	}
	v.UnknownParty, v.UnknownPartyDates = len(us), us[:min(len(us), maxUnknownShown)]
	return s.render(w, http.StatusOK, "check", v)
}
