package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"hezuo"
)

// The rule check: every org's determination, as a page, a download and
// JSON.
var _ = addArea(area{Nav: "check", Path: "/check", Texts: "figures", At: 70})

// checkView is the check page: the orgs of the list asked for (by default
// every org), with a filter per list showing its count (hezuo.Lists: 全部,
// 正常, 空白点, 应建未建, 仅派指导员, 换届到期 …), sorted and paginated; then
// per township the blank spots and the orgs that should build and have not.
type checkView struct {
	Page
	AsOf      string
	Scope     string
	Status    string
	Sort      string
	Tabs      []checkTab
	Townships []townshipCheck
	Rows      []hezuo.CheckView
	TownNames map[string]string
	Pager     Pager
	Sorts     map[string]string
	Uncovered int
	Should    int
	// UnknownParty counts the party members counted without a known start
	// (no 入党日期); UnknownPartyDates lists the first maxUnknownShown.
	UnknownParty      int
	UnknownPartyDates []hezuo.UnknownPartyDate
}

// checkTab is one filter of the check page: a list, its count and link.
type checkTab struct {
	List, Link string
	Count      int
	On         bool
}

// CountID is the id of the tab's count: uncovered-count and should-count
// for the two coverage figures, count-LIST for the others.
func (t checkTab) CountID() string {
	switch t.List {
	case hezuo.ListUncovered:
		return "uncovered-count"
	case hezuo.ListShouldBuild:
		return "should-count"
	}
	return "count-" + t.List
}

// ListName is the name of a check list in the page's language.
func (v checkView) ListName(list string) string {
	return tr(v.Lang, "list_"+list)
}

// checkPageSize is the check list's page: a township's orgs on one page
// (they are scanned, not searched), a county's on a few.
const checkPageSize = 100

// pagerPer is pager for pages of per rows.
func pagerPer(r *http.Request, total, page, per int) Pager {
	p := pager(r, total, page)
	p.Pages = (total + per - 1) / per
	if p.Page >= p.Pages {
		p.Next = ""
	} else if p.Next == "" {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(p.Page+1))
		p.Next = r.URL.Path + "?" + q.Encode()
	}
	return p
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

// checkStatus is the list a check request asks for: ?status=, all when
// none is given.
func checkStatus(r *http.Request) (string, error) {
	st := r.URL.Query().Get("status")
	if st == "" {
		return hezuo.ListAll, nil
	}
	if !hezuo.ValidList(st) {
		return st, hezuo.Invalid("", "status", "列表无效", "invalid list")
	}
	return st, nil
}

// checkSorts are the check list's sort keys.
var checkSorts = map[string]func(a, b *hezuo.CheckRow) int{
	"org_id":   func(a, b *hezuo.CheckRow) int { return strings.Compare(a.OrgNo, b.OrgNo) },
	"name":     func(a, b *hezuo.CheckRow) int { return strings.Compare(a.Name, b.Name) },
	"township": func(a, b *hezuo.CheckRow) int { return strings.Compare(a.Township, b.Township) },
	"status":   func(a, b *hezuo.CheckRow) int { return strings.Compare(a.Status, b.Status) },
	"members":  func(a, b *hezuo.CheckRow) int { return a.Members - b.Members },
	"party": func(a, b *hezuo.CheckRow) int {
		return a.FullPartyMembers + a.ProbationaryMembers - b.FullPartyMembers - b.ProbationaryMembers
	},
}

// sortCheck sorts check rows by key ("-" prefix: descending), org number
// breaking ties; an unknown key sorts by org number.
func sortCheck(rows []hezuo.CheckRow, key string) {
	desc := strings.HasPrefix(key, "-")
	cmp, ok := checkSorts[strings.TrimPrefix(key, "-")]
	if !ok {
		cmp, desc = checkSorts["org_id"], false
	}
	sort.SliceStable(rows, func(i, j int) bool {
		c := cmp(&rows[i], &rows[j])
		if desc {
			c = -c
		}
		if c == 0 {
			return rows[i].OrgNo < rows[j].OrgNo
		}
		return c < 0
	})
}

var _ = pageRoute("GET /check", (*Server).checkPage)

func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	status, err := checkStatus(r)
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
	q := r.URL.Query()
	v := checkView{Page: s.pageOf(r, "check", "check"), AsOf: day.String(), Scope: q.Get("scope"), Status: status,
		Sort: q.Get("sort"), TownNames: names, Sorts: map[string]string{}}
	for k := range checkSorts {
		v.Sorts[k] = sortURL(r, k)
	}
	counts := map[string]int{}
	byTown := map[string]*townshipCheck{}
	var listed []hezuo.CheckRow
	for _, row := range rows {
		t := byTown[row.Township]
		if t == nil {
			t = &townshipCheck{Code: row.Township, Name: names[row.Township]}
			byTown[row.Township] = t
		}
		t.Orgs++
		for _, l := range hezuo.Lists {
			if row.InList(l) {
				counts[l]++
			}
		}
		// The figures' own predicates (rules.Uncovered,
		// rules.ShouldBuildNotBuilt): a blank spot that must build is in
		// both columns and both lists, as the dashboard counts it.
		if row.InList(hezuo.ListUncovered) {
			t.Uncovered = append(t.Uncovered, row.View(v.Lang))
		}
		if row.InList(hezuo.ListShouldBuild) {
			t.ShouldBuild = append(t.ShouldBuild, row.View(v.Lang))
		}
		if row.InList(status) {
			listed = append(listed, row)
		}
	}
	v.Uncovered, v.Should = counts[hezuo.ListUncovered], counts[hezuo.ListShouldBuild]
	for _, l := range hezuo.Lists {
		tq := url.Values{}
		for _, k := range []string{"scope", "as_of", "sort"} {
			if x := q.Get(k); x != "" {
				tq.Set(k, x)
			}
		}
		tq.Set("status", l)
		v.Tabs = append(v.Tabs, checkTab{List: l, Count: counts[l], On: l == status, Link: "/check?" + tq.Encode()})
	}
	sortCheck(listed, v.Sort)
	page := intParam(r, "page", 1)
	v.Pager = pagerPer(r, len(listed), page, checkPageSize)
	if lo := (page - 1) * checkPageSize; lo >= 0 && lo < len(listed) {
		for _, row := range listed[lo:min(lo+checkPageSize, len(listed))] {
			v.Rows = append(v.Rows, row.View(v.Lang))
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
