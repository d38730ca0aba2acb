package web

import (
	"net/http"

	"hezuo"
	"hezuo/store"
)

// Assistance: units paired with villages and orgs (包村联户), households
// paired with party members (结对帮扶).
var _ = addArea(area{Nav: "assistance", Path: "/assistance", Texts: "assistance", ID: "nav-assistance", At: 120,
	Audit: []string{"household", "household_pairing", "unit_pairing"}})

// assistanceView is the assistance page: the figures at the top (as
// `hezuo stats` counts them), then one of two lists — units paired with
// orgs and villages (包村联户) or party members paired with households
// (结对帮扶) — with filters and pages; for writers, the forms (Errors beside
// their fields, Form as typed).
type assistanceView struct {
	Page
	Tab        string // "units" or "households"
	F          store.AssistanceFilter
	Scope      string
	AsOf       string
	Figures    hezuo.AssistanceStats
	Units      []store.UnitPairingRow
	Households []store.HouseholdPairingRow
	Pager      Pager
	Sorts      map[string]string
	UnitChoice []store.UnitChoice
	Poverty    []string
	Errors     map[string]string
	General    string
	Form       map[string]string
	Today      string
}

// PovertyName is a poverty status's name in the page's language.
func (v assistanceView) PovertyName(code string) string {
	return label(v.Lang, "poverty", code)
}

// assistanceFilter reads the assistance lists' query: scope, q, active,
// sort, page, as_of.
func assistanceFilter(r *http.Request) (store.AssistanceFilter, error) {
	sc, err := scopeParam(r)
	if err != nil {
		return store.AssistanceFilter{}, err
	}
	day, err := dayParam(r)
	q := r.URL.Query()
	return store.AssistanceFilter{Scope: sc, Q: q.Get("q"), Active: q.Get("active") != "", Sort: q.Get("sort"),
		Page: intParam(r, "page", 1), Day: day}, err
}

// assistanceTab is the list the request asks for.
func assistanceTab(r *http.Request) string {
	if r.URL.Query().Get("tab") == "households" {
		return "households"
	}
	return "units"
}

// unitList is the 包村联户 list of /assistance, /assistance.xlsx and
// /api/assistance/units.
func (s *Server) unitList() listSpec[store.AssistanceFilter, store.UnitPairingRow] {
	return listSpec[store.AssistanceFilter, store.UnitPairingRow]{filter: assistanceFilter, paging: assistancePaging,
		fetch: s.db.ListUnitPairings, sorts: []string{"unit", "target", "from", "to"},
		sheet: sheet[store.UnitPairingRow]{name: "包村联户",
			cols: [][2]string{{"单位代码", "Unit"}, {"单位名称", "Unit name"}, {"组织编号", "Org ID"},
				{"组织名称", "Org"}, {"村", "Village"}, {"村名", "Village name"}, {"乡镇", "Township"},
				{"帮扶内容", "Note"}, {"开始日期", "From"}, {"结束日期", "To"}},
			row: func(lang string, p store.UnitPairingRow) []any {
				return []any{p.UnitCode, p.UnitName, p.OrgNo, p.OrgName, p.Village, p.VillageName, p.TownshipName, p.Note, p.From, p.To}
			}}}
}

// householdList is the 结对帮扶 list of /assistance?tab=households, its
// download and /api/assistance/households.
func (s *Server) householdList() listSpec[store.AssistanceFilter, store.HouseholdPairingRow] {
	return listSpec[store.AssistanceFilter, store.HouseholdPairingRow]{filter: assistanceFilter, paging: assistancePaging,
		fetch: s.db.ListHouseholdPairings, sorts: []string{"household", "member", "village", "from", "left"},
		sheet: sheet[store.HouseholdPairingRow]{name: "结对帮扶",
			cols: [][2]string{{"户编号", "Household"}, {"户主", "Head"}, {"所在村", "Village"},
				{"村名", "Village name"}, {"人口", "Size"}, {"贫困状态", "Poverty"},
				{"结对党员", "Party member"}, {"所在组织", "Org"}, {"帮扶内容", "Help"},
				{"开始日期", "From"}, {"结束日期", "To"}, {"脱贫日期", "Out of poverty"}, {"脱贫人数", "People out"}},
			row: func(lang string, p store.HouseholdPairingRow) []any {
				return []any{p.Household, p.Head, p.Village, p.VillageName, p.Size, label(lang, "poverty", p.Poverty), p.MemberName,
					p.OrgName, p.Help, p.From, p.To, p.LeftPovertyOn, p.PeopleOut}
			}}}
}

func assistancePaging(f *store.AssistanceFilter) (*int, *int) { return &f.Page, &f.PerPage }

func (s *Server) assistanceView(r *http.Request) (assistanceView, error) {
	f, err := assistanceFilter(r)
	if err != nil {
		return assistanceView{}, err
	}
	a := accessOf(r)
	v := assistanceView{Page: s.pageOf(r, "assistance", "assistance"), Tab: assistanceTab(r), F: f, Scope: r.URL.Query().Get("scope"),
		AsOf: f.Day.String(), Errors: map[string]string{}, Form: map[string]string{}, Today: s.today().String(),
		Poverty: []string{hezuo.PovertyRegistered, hezuo.PovertyLowIncome, hezuo.PovertyNone}}
	if v.Figures, err = s.db.AssistanceFigures(r.Context(), a, f.Scope, f.Day); err != nil {
		return v, err
	}
	if v.Tab == "households" {
		list, err := s.householdList().read(s, r, f)
		if err != nil {
			return v, err
		}
		v.Households, v.Pager, v.Sorts = list.Items, list.Pager, list.Sorts
	} else {
		list, err := s.unitList().read(s, r, f)
		if err != nil {
			return v, err
		}
		v.Units, v.Pager, v.Sorts = list.Items, list.Pager, list.Sorts
	}
	if a.CanWrite() {
		if v.UnitChoice, err = s.db.Units(r.Context(), a); err != nil {
			return v, err
		}
	}
	return v, nil
}

var _ = pageRoute("GET /assistance", (*Server).assistancePage)

func (s *Server) assistancePage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.assistanceView(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "assistance", v)
}

var _ = pageRoute("GET /assistance.xlsx", (*Server).assistanceDownload)

func (s *Server) assistanceDownload(w http.ResponseWriter, r *http.Request) error {
	if assistanceTab(r) == "households" {
		return s.householdList().download(s, w, r)
	}
	return s.unitList().download(s, w, r)
}
