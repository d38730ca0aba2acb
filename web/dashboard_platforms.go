package web

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"hezuo"
	"hezuo/rules"
)

// platformCards adds to the dashboard the platforms' trend chart and the
// address of its 待办/逾期 section (GET /todo), which the page fetches after
// it has shown: overdue items and development steps are computed record by
// record, not kept in the summaries, so the figures do not wait for them.
// Above a county they are left to the pages (WideScope tells the template),
// keeping a province's dashboard fast.
func (s *Server) platformCards(r *http.Request, a *hezuo.Access, sc hezuo.Scope, day hezuo.Date, v *dashboardView) error {
	if err := s.platformChart(r, a, sc, day, v); err != nil {
		return err
	}
	narrowed, err := a.Narrow(sc)
	if err != nil {
		return err
	}
	if len(narrowed.Prefix) < 6 {
		v.WideScope = true
		return nil
	}
	q := url.Values{"as_of": {day.String()}}
	if sc.Prefix != "" {
		q.Set("scope", sc.String())
	}
	v.TodoURL = "/todo?" + q.Encode()
	return nil
}

var _ = pageRoute("GET /todo", (*Server).todoFragment)

// todoFragment is GET /todo: the dashboard's 待办/逾期 section for the
// user's scope on the day — the cards of institutions overdue and
// development steps due and overdue, and the head of the list.
func (s *Server) todoFragment(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	a := accessOf(r)
	narrowed, err := a.Narrow(sc)
	if err != nil {
		return err
	}
	v := dashboardView{Page: s.pageOf(r, "dashboard", "dashboard"), AsOf: day.String(), Scope: narrowed.String()}
	if len(narrowed.Prefix) < 6 {
		return hezuo.Errorf(hezuo.EINVALID, "范围大于一个县时，待办和逾期事项请按县或乡镇查看", "the overdue items are listed for a county or a township")
	}
	if err := s.todoItems(r, a, sc, day, &v); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.tmpl.pages["dashboard"].ExecuteTemplate(&buf, "todo", v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err = buf.WriteTo(w)
	return err
}

// todoItems fills the overdue cards and list of v.
func (s *Server) todoItems(r *http.Request, a *hezuo.Access, sc hezuo.Scope, day hezuo.Date, v *dashboardView) error {
	overdue, err := s.db.ScopedOverdue(r.Context(), a, sc, day)
	if err != nil {
		return err
	}
	dev, err := s.db.Development(r.Context(), a, sc, day, "", rules.DevOverdue, 1, todoShown)
	if err != nil {
		return err
	}
	t := func(k string) string { return tr(v.Lang, k) }
	n := strconv.Itoa
	links := figureLinks(r.URL.Query().Get("scope"), day)
	c := func(key string, value int) Card { return Card{Label: t(key), Value: n(value), Link: links[key]} }
	v.Groups = append(v.Groups, CardGroup{t("g_platform_figures"), []Card{
		c("c_overdue_inst", len(overdue)),
		c("c_dev_due", dev.Due),
		c("c_dev_overdue", dev.Overdue),
	}})
	v.TodoTotal = len(overdue) + dev.Total
	q := url.Values{"as_of": {day.String()}}
	if sc.Prefix != "" {
		q.Set("scope", sc.String())
	}
	for _, o := range overdue {
		if len(v.Todo) == todoShown/2 {
			break
		}
		who := o.PartyOrg + " " + o.Name
		if o.Subject != "" {
			who += " · " + o.Subject
		}
		qq := url.Values{"as_of": {day.String()}, "township": {o.Township}}
		it := todoItem{What: overdueKindName(v.Lang, o.Kind), Who: who, Due: o.Due.String(), Days: o.DaysOverdue,
			Link: "/institutions/overdue?" + qq.Encode()}
		it.ActionLabel, it.ActionURL = overdueAction(v.Lang, o)
		it.ActionURL = withBack(it.ActionURL, "/?"+q.Encode()) // back to the dashboard once saved
		v.Todo = append(v.Todo, it)
	}
	for _, p := range dev.People {
		if len(v.Todo) == todoShown {
			break
		}
		for _, it := range p.Items {
			if it.State == rules.DevOverdue {
				v.Todo = append(v.Todo, todoItem{What: t("development") + " · " + label(v.Lang, "party", p.Status), Who: p.Name,
					Due: it.By.String(), Days: it.By.DaysUntil(day), Link: "/development?state=overdue&" + q.Encode()})
				break
			}
		}
	}
	return nil
}

// platformChartData is what assets/platforms.js draws.
type platformChartData struct {
	Title            string   `json:"title"`
	Sessions         string   `json:"sessions"`
	Attendances      string   `json:"attendances"`
	Years            []string `json:"years"`
	SessionCounts    []int    `json:"session_counts"`
	AttendanceCounts []int    `json:"attendance_counts"`
}

// platformChart fills the platform trend: training sessions and
// attendances in each of the TrendPoints years before the day's and in it.
func (s *Server) platformChart(r *http.Request, a *hezuo.Access, sc hezuo.Scope, day hezuo.Date, v *dashboardView) error {
	years, err := s.db.TrainingTrend(r.Context(), a, sc, day.Year()-s.opt.TrendPoints, day.Year(), day, s.today())
	if err != nil {
		return err
	}
	d := platformChartData{Title: tr(v.Lang, "chart_training"), Sessions: tr(v.Lang, "c_sessions"), Attendances: tr(v.Lang, "c_attendances")}
	for _, y := range years {
		d.Years = append(d.Years, strconv.Itoa(y.Year))
		d.SessionCounts = append(d.SessionCounts, y.Sessions)
		d.AttendanceCounts = append(d.AttendanceCounts, y.Attendances)
	}
	b, err := json.Marshal(d)
	v.PlatformChart = template.JS(b)
	return err
}
