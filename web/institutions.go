package web

import (
	"net/http"
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// The institutions (组织生活): meetings, overdue ones, commitments,
// linked households and their visits.
var _ = addArea(area{Nav: "institutions", Path: "/institutions", Texts: "institutions", ID: "nav-institutions", At: 80,
	Audit: []string{"meeting", "commitment", "contact_visit"}})

// institutionsView is the institutions page: meetings by kind per
// township and per party organization over the year up to the day, the
// overdue items per township, and the meeting list with its filters.
type institutionsView struct {
	Page
	listPage[store.MeetingFilter, store.MeetingItem]
	AsOf, Scope string
	From, To    string
	Towns       []townLife
	Counts      []store.MeetingCount
	Overdue     int
	// OverdueKnown is false above a county, where the overdue items are
	// left to the overdue page.
	OverdueKnown bool
	// Life sums up the year's organizational life (dual organizational
	// life included) for roles that see their whole division; nil otherwise.
	Life *hezuo.LifeSummary
}

// townLife is one township's meetings by kind and overdue items.
type townLife struct {
	Code, Name string
	ByKind     map[string]int
	Total      int
	Overdue    int
}

// meetingFilter reads the meeting list's query: scope, party_org, kind,
// from, to, q, sort, page.
func meetingFilter(r *http.Request) (store.MeetingFilter, error) {
	q := r.URL.Query()
	sc, err := scopeParam(r)
	if err != nil {
		return store.MeetingFilter{}, err
	}
	f := store.MeetingFilter{Scope: sc, PartyOrg: strings.TrimSpace(q.Get("party_org")), Kind: q.Get("kind"), Q: strings.TrimSpace(q.Get("q")),
		Sort: q.Get("sort"), Page: intParam(r, "page", 1)}
	if f.Kind != "" && hezuo.MeetingNames[f.Kind] == "" {
		return f, hezuo.Invalid("", "kind", "会议类型无效", "invalid meeting kind")
	}
	if f.From, err = optDate(q.Get("from")); err != nil {
		return f, err
	}
	f.To, err = optDate(q.Get("to"))
	return f, err
}

// optDate parses an optional date ("" is the zero date).
func optDate(v string) (hezuo.Date, error) {
	if v = strings.TrimSpace(v); v == "" {
		return hezuo.Date{}, nil
	}
	return hezuo.ParseDate(v)
}

var _ = pageRoute("GET /institutions", (*Server).institutionsPage)

func (s *Server) institutionsPage(w http.ResponseWriter, r *http.Request) error {
	ml := s.meetingList()
	f, err := ml.filter(r)
	if err != nil {
		return err
	}
	day, err := dayParam(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	list, err := ml.read(s, r, f)
	if err != nil {
		return err
	}
	counts, err := s.db.MeetingCounts(r.Context(), a, f.Scope, day.AddPeriod(-1, 0).AddDays(1), day, s.today())
	if err != nil {
		return err
	}
	narrowed, err := a.Narrow(f.Scope)
	if err != nil {
		return err
	}
	// Overdue items are computed record by record: per county or narrower
	// here (the overdue page computes them for any scope on request).
	var overdue []rules.Overdue
	if len(narrowed.Prefix) >= 6 {
		if overdue, err = s.db.ScopedOverdue(r.Context(), a, f.Scope, day); err != nil {
			return err
		}
	}
	v := institutionsView{Page: s.pageOf(r, "institutions", "institutions"), listPage: list, AsOf: day.String(), Scope: r.URL.Query().Get("scope"),
		From: f.From.String(), To: f.To.String(), Counts: counts, Overdue: len(overdue), OverdueKnown: len(narrowed.Prefix) >= 6}
	v.Towns = townLives(counts, overdue)
	var nos []string
	for _, c := range counts {
		nos = append(nos, c.Orgs...)
	}
	v.OrgNames(nos...) // the orgs of each party organization, by name, in one query
	if a.ByDivision() {
		if v.Life, err = s.db.LifeSummary(r.Context(), narrowed, day); err != nil {
			return err
		}
	}
	return s.render(w, http.StatusOK, "institutions", v)
}

// townLives adds the party organizations' counts and the overdue items up
// by township.
func townLives(counts []store.MeetingCount, overdue []rules.Overdue) []townLife {
	by := map[string]*townLife{}
	get := func(code, name string) *townLife {
		t := by[code]
		if t == nil {
			t = &townLife{Code: code, Name: name, ByKind: map[string]int{}}
			by[code] = t
		}
		return t
	}
	for _, c := range counts {
		t := get(c.Township, c.TownshipName)
		for k, n := range c.ByKind {
			t.ByKind[k] += n
		}
		t.Total += c.Total
	}
	for _, o := range overdue {
		get(o.Township, o.TownName).Overdue++
	}
	out := make([]townLife, 0, len(by))
	for _, t := range by {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// meetingView is one meeting with its attendance.
type meetingView struct {
	Page
	M *store.MeetingDetail
}

var _ = pageRoute("GET /institutions/meetings/{id}", (*Server).meetingPage)

func (s *Server) meetingPage(w http.ResponseWriter, r *http.Request) error {
	m, err := byID(s, r, s.db.GetMeeting)
	if err != nil {
		return err
	}
	v := meetingView{Page: s.pageOf(r, "institutions", "meeting"), M: m}
	v.Title = m.PartyOrgName + " · " + overdueKindName(v.Lang, m.Kind) + " · " + m.HeldOn.String()
	return s.render(w, http.StatusOK, "institution_meeting", v)
}

// overdueView lists what is overdue in the user's scope on a day.
type overdueView struct {
	Page
	AsOf, Scope, Town, Kind string
	Kinds                   []string
	Items                   []overdueRow
	Pager                   Pager
	Total                   int
}

var _ = pageRoute("GET /institutions/overdue", (*Server).overduePage)

func (s *Server) overduePage(w http.ResponseWriter, r *http.Request) error {
	list, day, err := s.overdueList(r)
	if err != nil {
		return err
	}
	page := intParam(r, "page", 1)
	q := r.URL.Query()
	v := overdueView{Page: s.pageOf(r, "institutions", "overdue_items"), AsOf: day, Scope: q.Get("scope"),
		Town: q.Get("township"), Kind: q.Get("kind"), Pager: pager(r, len(list), page), Total: len(list),
		Kinds: append(append([]string(nil), hezuo.MeetingKinds...), rules.OverdueContactVisit, rules.OverdueCommitment, rules.OverdueFulfilment)}
	lo := (page - 1) * hezuo.PageSize
	if lo < len(list) {
		v.Items = overdueRows(v.Lang, list[lo:min(lo+hezuo.PageSize, len(list))], listBack(r))
	}
	return s.render(w, http.StatusOK, "institution_overdue", v)
}

// filterOverdue keeps the items of a township (9 digits) and kind ("" any).
func filterOverdue(list []rules.Overdue, town, kind string) []rules.Overdue {
	if town == "" && kind == "" {
		return list
	}
	var out []rules.Overdue
	for _, o := range list {
		if (town == "" || o.Township == town) && (kind == "" || o.Kind == kind) {
			out = append(out, o)
		}
	}
	return out
}

// commitmentsView lists commitments and their fulfilment.
type commitmentsView struct {
	Page
	listPage[store.CommitmentFilter, store.CommitmentItem]
	Scope, Year string
}

// commitmentList is the list of /institutions/commitments: scope, year,
// party_org, pending, page.
func (s *Server) commitmentList() listSpec[store.CommitmentFilter, store.CommitmentItem] {
	return listSpec[store.CommitmentFilter, store.CommitmentItem]{
		filter: func(r *http.Request) (store.CommitmentFilter, error) {
			sc, err := scopeParam(r)
			q := r.URL.Query()
			return store.CommitmentFilter{Scope: sc, Year: intParam(r, "year", 0), PartyOrg: strings.TrimSpace(q.Get("party_org")),
				Pending: q.Get("pending") != "", Page: intParam(r, "page", 1)}, err
		},
		paging: func(f *store.CommitmentFilter) (*int, *int) { return &f.Page, &f.PerPage },
		fetch:  s.db.ListCommitments}
}

var _ = pageRoute("GET /institutions/commitments", (*Server).commitmentsPage)

func (s *Server) commitmentsPage(w http.ResponseWriter, r *http.Request) error {
	list, err := s.commitmentList().page(s, r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	v := commitmentsView{Page: s.pageOf(r, "institutions", "commitments"), listPage: list, Scope: q.Get("scope"), Year: q.Get("year")}
	return s.render(w, http.StatusOK, "institution_commitments", v)
}

// contactsView lists the linked households and their visits.
type contactsView struct {
	Page
	AsOf, Scope string
	Items       []store.ContactItem
	Pager       Pager
}

var _ = pageRoute("GET /institutions/contacts", (*Server).contactsPage)

func (s *Server) contactsPage(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	page := intParam(r, "page", 1)
	items, total, err := s.db.ListContacts(r.Context(), accessOf(r), sc, day, page, 0)
	if err != nil {
		return err
	}
	v := contactsView{Page: s.pageOf(r, "institutions", "contacts"), AsOf: day.String(), Scope: r.URL.Query().Get("scope"),
		Items: items, Pager: pager(r, total, page)}
	return s.render(w, http.StatusOK, "institution_contacts", v)
}
