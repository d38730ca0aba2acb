package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"hezuo"
)

// The dashboard: the figures as cards and charts, the to-do list.
var _ = addArea(area{Nav: "dashboard", Path: "/", Texts: "figures", At: 10})

// Card is one figure on the dashboard.
type Card struct {
	Label string
	Value string
	Note  string
	Link  string // the list behind the figure, filtered to it (figureLinks)
}

// CardGroup is a titled row of cards.
type CardGroup struct {
	Title string
	Cards []Card
}

// dashboardView is the dashboard: the figures of the seed table for the
// user's scope on a day as cards, and the data of four charts.
type dashboardView struct {
	Page
	AsOf   string
	Scope  string
	Groups []CardGroup
	Charts template.JS // JSON read by assets/app.js
	// Todo is the head of the overdue list (待办/逾期) of the user's scope
	// on the day: institutions overdue, then development steps overdue.
	Todo      []todoItem
	TodoTotal int
	// PlatformChart is the JSON read by assets/platforms.js: training by year.
	PlatformChart template.JS
	// WideScope is set when the scope is wider than a county: the overdue
	// list is then left to its pages.
	WideScope bool
	// TodoURL fetches the 待办/逾期 section (todoFragment).
	TodoURL string
}

// todoItem is one line of the dashboard's 待办/逾期 list, linking to its page.
type todoItem struct {
	What, Who, Due, Link string
	Days                 int
	// ActionLabel and ActionURL are the form settling it (overdueAction).
	ActionLabel, ActionURL string
}

// todoShown is how many overdue items the dashboard lists.
const todoShown = 10

// chartData is what assets/app.js draws.
type chartData struct {
	Lang      string            `json:"lang"`
	Townships []string          `json:"townships"`
	Kinds     []chartSeries     `json:"kinds"`
	Forms     []chartSlice      `json:"forms"`
	Coverage  []chartSlice      `json:"coverage"`
	Trend     chartTrend        `json:"trend"`
	Labels    map[string]string `json:"labels"`
	Links     chartLinks        `json:"links"`
}

type chartSeries struct {
	Name string `json:"name"`
	Data []int  `json:"data"`
}

type chartSlice struct {
	Name  string `json:"name"`
	Value int    `json:"value"`
}

type chartTrend struct {
	Days         []string `json:"days"`
	Members      []int    `json:"members"`
	PartyMembers []int    `json:"party_members"`
}

var _ = pageRoute("GET /{$}", (*Server).dashboardPage)

func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	st, err := s.db.ScopedStats(r.Context(), a, sc, day)
	if err != nil {
		return err
	}
	counts, err := s.db.OrgsByTownship(r.Context(), a, sc, day)
	if err != nil {
		return err
	}
	v := dashboardView{Page: s.pageOf(r, "dashboard", "dashboard"), AsOf: day.String(), Scope: st.Scope}
	links := figureLinks(r.URL.Query().Get("scope"), day)
	v.Groups = cards(v.Lang, st, links)
	if err := s.platformCards(r, a, sc, day, &v); err != nil {
		return err
	}
	cd := chartData{Lang: v.Lang, Labels: map[string]string{}}
	for _, k := range []string{"chart_kinds", "chart_forms", "chart_coverage", "chart_trend", "members", "party_members"} {
		cd.Labels[k] = tr(v.Lang, k)
	}
	narrowed, err := a.Narrow(sc)
	if err != nil {
		return err
	}
	counts, level := chartAreas(counts, narrowed.Prefix)
	if level != hezuo.LevelTownship {
		cd.Labels["chart_kinds"] = tr(v.Lang, "chart_kinds_"+level)
	}
	names, err := s.db.DivisionNames(r.Context(), a, sc, level)
	if err != nil {
		return err
	}
	cd.Townships, cd.Kinds = kindsByTownship(v.Lang, counts, names)
	cd.Links = dashboardChartLinks(r.URL.Query().Get("scope"), day, counts)
	p := st.PartyOrgs
	for _, f := range []struct {
		form string
		n    int
	}{{hezuo.FormBranch, p.Branches}, {hezuo.FormGeneralBranch, p.GeneralBranches}, {hezuo.FormCommittee, p.Committees},
		{hezuo.FormJointBranch, p.JointBranches}, {hezuo.FormPartyGroup, p.PartyGroups}} {
		cd.Forms = append(cd.Forms, chartSlice{v.Name("form", f.form), f.n})
	}
	c := st.Coverage
	cd.Coverage = []chartSlice{{tr(v.Lang, "cov_own"), c.OwnOrg}, {tr(v.Lang, "cov_joint"), c.JointOrGroup},
		{tr(v.Lang, "cov_instructor"), c.InstructorOnly}, {tr(v.Lang, "blank_spots"), c.Uncovered}}
	var days []hezuo.Date
	for i := s.opt.TrendPoints; i >= 0; i-- {
		days = append(days, day.AddPeriod(-i, 0))
	}
	trend, err := s.db.MemberTrend(r.Context(), a, sc, days)
	if err != nil {
		return err
	}
	for _, p := range trend {
		cd.Trend.Days = append(cd.Trend.Days, p.Day.String())
		cd.Trend.Members = append(cd.Trend.Members, p.Members)
		cd.Trend.PartyMembers = append(cd.Trend.PartyMembers, p.PartyMembers)
	}
	b, err := json.Marshal(cd)
	if err != nil {
		return err
	}
	v.Charts = template.JS(b)
	return s.render(w, http.StatusOK, "dashboard", v)
}

// chartAreas groups org counts by township into the divisions one level
// below the scope (a province's prefectures, a prefecture's counties, a
// county's townships), the bars of the orgs-by-kind chart, and returns their
// level: a province's chart has a bar per prefecture, not one per township.
// The scope is narrowed to what the townships have in common first (all
// of a database that holds one county is that county).
func chartAreas(counts map[string]map[string]int, prefix string) (map[string]map[string]int, string) {
	common, first := "", true
	for t := range counts {
		if first {
			common, first = t, false
		}
		for !strings.HasPrefix(t, common) {
			common = common[:len(common)-1]
		}
	}
	for _, n := range []int{6, 4, 2} {
		if len(common) >= n && n > len(prefix) {
			prefix = common[:n]
			break
		}
	}
	n, level := 9, hezuo.LevelTownship
	switch {
	case len(prefix) < 2:
		n, level = 2, hezuo.LevelProvince
	case len(prefix) < 4:
		n, level = 4, hezuo.LevelPrefecture
	case len(prefix) < 6:
		n, level = 6, hezuo.LevelCounty
	}
	if n == 9 {
		return counts, level
	}
	out := map[string]map[string]int{}
	for t, byKind := range counts {
		area := t
		if len(t) > n {
			area = t[:n]
		}
		if out[area] == nil {
			out[area] = map[string]int{}
		}
		for k, c := range byKind {
			out[area][k] += c
		}
	}
	return out, level
}

// kindsByTownship turns org counts by township and kind into chart series.
func kindsByTownship(lang string, counts map[string]map[string]int, names map[string]string) ([]string, []chartSeries) {
	var towns []string
	for t := range counts {
		towns = append(towns, t)
	}
	sort.Strings(towns)
	var series []chartSeries
	for _, k := range []string{hezuo.KindCooperative, hezuo.KindAssociation, hezuo.KindUnion} {
		cs := chartSeries{Name: label(lang, "kind", k), Data: make([]int, len(towns))}
		for i, t := range towns {
			cs.Data[i] = counts[t][k]
		}
		series = append(series, cs)
	}
	labels := make([]string, len(towns))
	for i, t := range towns {
		labels[i] = t
		if n := names[t]; n != "" {
			labels[i] = n
		}
	}
	return labels, series
}

// cards returns the seed table's figures as card groups, each linking to
// its list in links (by its text key) when it has one.
func cards(lang string, st *hezuo.Stats, links map[string]string) []CardGroup {
	n := strconv.Itoa
	yuan := func(fen int64) string { return strconv.FormatFloat(float64(fen)/1e8, 'f', 2, 64) } // fen → million yuan
	pct := func(x float64) string { return strconv.FormatFloat(x*100, 'f', 1, 64) + "%" }
	t := func(k string) string { return tr(lang, k) }
	c := func(key, value, note string) Card {
		return Card{Label: t(key), Value: value, Note: note, Link: links[key]}
	}
	return []CardGroup{
		{t("g_orgs"), []Card{
			c("c_orgs_total", n(st.Orgs.Total), ""),
			c("c_cooperatives", n(st.Orgs.Cooperatives), ""),
			c("c_associations", n(st.Orgs.Associations), ""),
			c("c_unions", n(st.Orgs.Unions), ""),
		}},
		{t("g_members"), []Card{
			c("c_coop_members", n(st.Cooperatives.Members), ""),
			c("c_coop_party", n(st.Cooperatives.PartyMembers), ""),
			c("c_coop_households", n(st.Cooperatives.HouseholdsDriven), ""),
			c("c_assoc_members", n(st.Associations.Members), ""),
			c("c_assoc_party", n(st.Associations.PartyMembers), ""),
		}},
		{t("g_partyorgs"), []Card{
			c("c_branches", n(st.PartyOrgs.Branches), ""),
			c("c_general", n(st.PartyOrgs.GeneralBranches), ""),
			c("c_joint", n(st.PartyOrgs.JointBranches), ""),
			c("c_groups", n(st.PartyOrgs.PartyGroups), ""),
			c("blank_spots", n(st.Coverage.Uncovered), ""),
			c("should_build", n(st.Coverage.ShouldBuildNotBuilt), ""),
		}},
		{t("g_instructors"), []Card{
			c("c_dispatched", n(st.Instructors.Dispatched), ""),
			c("c_orgs_covered", n(st.Instructors.OrgsCovered), ""),
			c("c_developed", n(st.Instructors.MembersDeveloped), ""),
			c("c_activists", n(st.Instructors.Activists), ""),
		}},
		{t("g_platforms"), []Card{
			c("c_units", n(st.Assistance.Units), ""),
			c("c_orgs_assisted", n(st.Assistance.OrgsAssisted), ""),
			c("c_households_paired", n(st.Assistance.HouseholdsPaired), ""),
			c("c_out_of_poverty", n(st.Assistance.PeopleOutOfPoverty), ""),
			c("c_loans", yuan(st.Loans.TotalFen), t("c_million_yuan")),
			c("c_loans_coops", yuan(st.Loans.ToCooperativesFen), t("c_million_yuan")),
			c("c_loans_count", n(st.Loans.Count), ""),
			c("c_sessions", n(st.Training.Sessions), ""),
			c("c_attendances", n(st.Training.Attendances), ""),
			c("c_people_trained", n(st.Training.People), ""),
		}},
		{t("g_talent"), []Card{
			c("c_talent_party", n(st.Talent.PartyMembers), ""),
			c("c_talent_tech", n(st.Talent.TechnicalTalents), ""),
			c("c_share_coop", pct(st.Talent.ShareOfCooperativeMembers), t("c_share_coop_note")),
			c("c_share_all", pct(st.Talent.ShareOfAllMembers), t("c_share_all_note")),
		}},
	}
}
