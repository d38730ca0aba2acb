package web

import (
	"net/http"

	"hezuo"
	"hezuo/store"
)

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

func (s *Server) assistanceView(r *http.Request) (assistanceView, error) {
	f, err := assistanceFilter(r)
	if err != nil {
		return assistanceView{}, err
	}
	a := accessOf(r)
	v := assistanceView{Page: s.pageOf(r, "assistance", "assistance"), Tab: assistanceTab(r), F: f, Scope: r.URL.Query().Get("scope"),
		AsOf: f.Day.String(), Sorts: map[string]string{}, Errors: map[string]string{}, Form: map[string]string{}, Today: s.today().String(),
		Poverty: []string{hezuo.PovertyRegistered, hezuo.PovertyLowIncome, hezuo.PovertyNone}}
	if v.Figures, err = s.db.AssistanceFigures(r.Context(), a, f.Scope, f.Day); err != nil {
		return v, err
	}
	var total int
	if v.Tab == "households" {
		v.Households, total, err = s.db.ListHouseholdPairings(r.Context(), a, f, s.today())
		for _, k := range []string{"household", "member", "village", "from", "left"} {
			v.Sorts[k] = sortURL(r, k)
		}
	} else {
		v.Units, total, err = s.db.ListUnitPairings(r.Context(), a, f, s.today())
		for _, k := range []string{"unit", "target", "from", "to"} {
			v.Sorts[k] = sortURL(r, k)
		}
	}
	if err != nil {
		return v, err
	}
	v.Pager = pager(r, total, f.Page)
	if a.CanWrite() {
		if v.UnitChoice, err = s.db.Units(r.Context(), a); err != nil {
			return v, err
		}
	}
	return v, nil
}

func (s *Server) assistancePage(w http.ResponseWriter, r *http.Request) error {
	v, err := s.assistanceView(r)
	if err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "assistance", v)
}

func (s *Server) assistanceDownload(w http.ResponseWriter, r *http.Request) error {
	f, err := assistanceFilter(r)
	if err != nil {
		return err
	}
	a, lang := accessOf(r), langOf(r)
	if assistanceTab(r) == "households" {
		items, err := collect(func(n int) ([]store.HouseholdPairingRow, int, error) {
			f.Page, f.PerPage = n, downloadPer
			return s.db.ListHouseholdPairings(r.Context(), a, f, s.today())
		})
		if err != nil {
			return err
		}
		head := cols(lang, [2]string{"户编号", "Household"}, [2]string{"户主", "Head"}, [2]string{"所在村", "Village"},
			[2]string{"村名", "Village name"}, [2]string{"人口", "Size"}, [2]string{"贫困状态", "Poverty"},
			[2]string{"结对党员", "Party member"}, [2]string{"所在组织", "Org"}, [2]string{"帮扶内容", "Help"},
			[2]string{"开始日期", "From"}, [2]string{"结束日期", "To"}, [2]string{"脱贫日期", "Out of poverty"}, [2]string{"脱贫人数", "People out"})
		rows := make([][]any, len(items))
		for i, p := range items {
			rows[i] = []any{p.Household, p.Head, p.Village, p.VillageName, p.Size, label(lang, "poverty", p.Poverty), p.MemberName,
				p.OrgName, p.Help, p.From, p.To, p.LeftPovertyOn, p.PeopleOut}
		}
		return s.sendXLSX(w, "结对帮扶.xlsx", "结对帮扶", head, rows)
	}
	items, err := collect(func(n int) ([]store.UnitPairingRow, int, error) {
		f.Page, f.PerPage = n, downloadPer
		return s.db.ListUnitPairings(r.Context(), a, f, s.today())
	})
	if err != nil {
		return err
	}
	head := cols(lang, [2]string{"单位代码", "Unit"}, [2]string{"单位名称", "Unit name"}, [2]string{"组织编号", "Org ID"},
		[2]string{"组织名称", "Org"}, [2]string{"村", "Village"}, [2]string{"村名", "Village name"}, [2]string{"乡镇", "Township"},
		[2]string{"帮扶内容", "Note"}, [2]string{"开始日期", "From"}, [2]string{"结束日期", "To"})
	rows := make([][]any, len(items))
	for i, p := range items {
		rows[i] = []any{p.UnitCode, p.UnitName, p.OrgNo, p.OrgName, p.Village, p.VillageName, p.TownshipName, p.Note, p.From, p.To}
	}
	return s.sendXLSX(w, "包村联户.xlsx", "包村联户", head, rows)
}
