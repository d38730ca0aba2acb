package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// The seed's figures on 2022-06-08 (cli.md stats of the demo county).
const seedDay = "2022-06-08"

var totalRe = regexp.MustCompile(`id="total">(\d+)<`)

// totalOf returns the list total a page shows.
func totalOf(t *testing.T, body string) string {
	t.Helper()
	m := totalRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no total in %.300s", body)
	}
	return m[1]
}

// count runs a counting query on the app's database.
func (a *app) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := a.db.QueryRowContext(context.Background(), a.db.Rebind(q), args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// TestPlatformPages renders the institutions, training and development
// pages for the county administrator with the demo's figures, filters,
// sorting and pagination.
func TestPlatformPages(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.login(t, "admin")
	meetingID := a.count(t, `SELECT min(m.id) FROM meetings m WHERE (SELECT count(*) FROM meeting_attendances x WHERE x.meeting_id = m.id) > 0`)
	trainingID := a.count(t, `SELECT min(id) FROM trainings`)
	pages := map[string][]string{
		"/institutions?as_of=" + seedDay:                      {"联席会议", "partyorg-counts", "天桥岭镇", `<a href="/orgs/WQ-HZ-`},
		"/institutions?kind=joint_meeting":                    {`id="total">143<`},
		"/institutions?kind=joint_meeting&sort=-topic&page=2": {`id="total">143<`, "2 / 8"},
		fmt.Sprintf("/institutions/meetings/%d", meetingID):   {"/people/", "attendees"},
		"/institutions/overdue?as_of=" + seedDay:              {"overdue", "逾期"},
		"/institutions/commitments":                           {`id="total">1416<`, "践诺"},
		"/institutions/commitments?year=2021&pending=1":       {"commitments"},
		"/institutions/contacts?as_of=" + seedDay:             {"contacts", "/people/"},
		"/institutions/meetings/new?party_org=B-WQ-HZ-009":    {`name="attendees"`, "meeting-form"},
		"/institutions/commitments/new?party_org=B-WQ-HZ-009": {`name="person"`, "</option>\n    <option value="},
		"/trainings?as_of=" + seedDay:                         {`id="fig-sessions">130<`, `id="fig-attendances">12306<`, `id="fig-people">8937<`, `id="total">130<`},
		"/trainings?mode=remote":                              {`id="total">27<`, "远程教育"},
		"/trainings?sort=attendances&page=2":                  {"2 / 7"},
		fmt.Sprintf("/trainings/%d", trainingID):              {"attendee-count", "/people/"},
		"/trainings/new?org_id=" + orgSec:                     {`name="attendees"`},
		"/development?as_of=" + seedDay:                       {"step-activist", "instructors", "/people/"},
		"/development?state=overdue":                          {"dev-overdue"},
		"/development/steps/new?person=1":                     {"step-form"},
	}
	for path, wants := range pages {
		st, body := c.get(path)
		if st != http.StatusOK {
			t.Errorf("GET %s: %d %.300s", path, st, body)
			continue
		}
		for _, w := range wants {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: no %q", path, w)
			}
		}
	}
	// The year's organizational life, dual life included, as the store sums it.
	life, err := a.db.LifeSummary(context.Background(), hezuo.Scope{Prefix: "222424"}, hezuo.MustDate(seedDay))
	if err != nil {
		t.Fatal(err)
	}
	_, body := c.get("/institutions?as_of=" + seedDay)
	for _, want := range []string{fmt.Sprintf(`id="life-meetings">%d<`, life.Meetings), fmt.Sprintf(`id="life-dual">%d<`, life.DualAttendances)} {
		if life.Meetings == 0 || !strings.Contains(body, want) {
			t.Errorf("institutions page: no %s", want)
		}
	}
	// The overdue list's filters select what the store lists.
	all, err := a.db.ScopedOverdue(context.Background(), hezuo.System, hezuo.AllScope, hezuo.MustDate(seedDay))
	if err != nil {
		t.Fatal(err)
	}
	joint, town := 0, 0
	for _, o := range all {
		if o.Kind == hezuo.MeetingJoint {
			joint++
		}
		if o.Township == townB {
			town++
		}
	}
	for path, want := range map[string]int{"&kind=joint_meeting": joint, "&township=" + townB: town, "": len(all)} {
		if _, body := c.get("/institutions/overdue?as_of=" + seedDay + path); want == 0 || totalOf(t, body) != fmt.Sprint(want) {
			t.Errorf("overdue%s: %s, want %d", path, totalOf(t, body), want)
		}
	}
	// The API gives the same figures.
	var tj struct {
		Total   int
		Items   []struct{ ID int64 }
		Figures struct{ Sessions, Attendances, People int }
	}
	if c.getJSON("/api/trainings?as_of="+seedDay+"&mode=remote", &tj); tj.Total != 27 || len(tj.Items) != hezuo.PageSize ||
		tj.Figures.Sessions != 130 || tj.Figures.Attendances != 12306 || tj.Figures.People != 8937 {
		t.Errorf("GET /api/trainings: %d items of %d, figures %+v", len(tj.Items), tj.Total, tj.Figures)
	}
	var one struct {
		No        string `json:"no"`
		Attendees []struct {
			PersonID int64  `json:"person_id"`
			Name     string `json:"name"`
			IDNumber string `json:"id_number"`
		} `json:"attendees"`
	}
	if c.getJSON(fmt.Sprintf("/api/trainings/%d", tj.Items[0].ID), &one); one.No == "" || len(one.Attendees) == 0 ||
		one.Attendees[0].Name == "" || one.Attendees[0].IDNumber != "" {
		t.Errorf("GET /api/trainings/%d: %+v", tj.Items[0].ID, one)
	}
	var ov struct {
		Total int
		Items []struct {
			Kind   string `json:"kind"`
			Reason string `json:"reason"`
		}
	}
	if c.getJSON("/api/overdue?lang=en&as_of="+seedDay, &ov); ov.Total != len(all) || !strings.Contains(ov.Items[0].Reason, "overdue") {
		t.Errorf("GET /api/overdue: %d items (want %d), %+v", ov.Total, len(all), ov.Items[:1])
	}
	var dj struct {
		ByStep map[string]int `json:"by_step"`
		Total  int            `json:"total"`
	}
	if c.getJSON("/api/development?as_of="+seedDay, &dj); dj.ByStep[hezuo.StatusActivist] != 32 || dj.Total == 0 {
		t.Errorf("GET /api/development: %+v", dj)
	}
	var mj struct{ Total int }
	if c.getJSON("/api/meetings?kind=joint_meeting", &mj); mj.Total != 143 {
		t.Errorf("GET /api/meetings?kind=joint_meeting: %d", mj.Total)
	}
	// The first pages of two sorts differ, and page 2 differs from page 1.
	_, p1 := c.get("/institutions?sort=held_on")
	_, p2 := c.get("/institutions?sort=held_on&page=2")
	_, pd := c.get("/institutions?sort=-held_on")
	if p1 == p2 || p1 == pd {
		t.Error("the meeting list's pages or sorts are the same")
	}
	// English.
	if _, body = c.get("/trainings?lang=en&mode=remote"); !strings.Contains(body, "Training sessions") || !strings.Contains(body, ">remote<") {
		t.Errorf("English training page: %.300s", body)
	}
	// Bad filters are refused with a reason.
	for _, path := range []string{"/institutions?kind=picnic", "/trainings?mode=by_post", "/development?step=king"} {
		if st, _ := c.get(path); st != http.StatusUnprocessableEntity {
			t.Errorf("GET %s: %d, want 422", path, st)
		}
	}
}

// TestPlatformDownloads opens the .xlsx downloads with excelize: as many
// rows as the list's total, with a Chinese header.
func TestPlatformDownloads(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.login(t, "admin")
	for path, want := range map[string]struct {
		rows int
		head string
	}{
		"/institutions.xlsx?kind=joint_meeting":                   {143, "会议日期"},
		"/trainings.xlsx":                                         {130, "培训编号"},
		"/trainings.xlsx?mode=remote":                             {27, "培训编号"},
		"/institutions/overdue.xlsx?as_of=" + seedDay + "&kind=x": {0, "乡镇"},
	} {
		req, _ := http.NewRequest("GET", c.base+path, nil)
		resp, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != xlsxType {
			t.Errorf("GET %s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
			continue
		}
		f, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows, err := f.GetRows(f.GetSheetList()[0])
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != want.rows || rows[0][0] != want.head {
			t.Errorf("%s: %d rows, header %v; want %d rows under %s", path, len(rows)-1, rows[0], want.rows, want.head)
		}
	}
	// The overdue download holds what the page counts.
	_, body := c.get("/institutions/overdue?as_of=" + seedDay)
	n := totalOf(t, body)
	req, _ := http.NewRequest("GET", c.base+"/institutions/overdue.xlsx?as_of="+seedDay, nil)
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	f, err := excelize.OpenReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(f.GetSheetList()[0])
	if fmt.Sprint(len(rows)-1) != n || n == "0" {
		t.Errorf("overdue download: %d rows, the page says %s", len(rows)-1, n)
	}
}

// TestDashboardPlatformCards: the dashboard shows the platform figures of
// `hezuo stats` for the demo on 2022-06-08, and the 待办/逾期 list.
func TestDashboardPlatformCards(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.login(t, "admin")
	st, body := c.get("/?as_of=" + seedDay)
	if st != http.StatusOK {
		t.Fatalf("dashboard: %d", st)
	}
	s, err := a.db.Stats(context.Background(), hezuo.AllScope, hezuo.MustDate(seedDay))
	if err != nil {
		t.Fatal(err)
	}
	for label, v := range map[string]int{"包村联户单位": s.Assistance.Units, "帮扶组织": s.Assistance.OrgsAssisted,
		"结对帮扶农户": s.Assistance.HouseholdsPaired, "脱贫人口": s.Assistance.PeopleOutOfPoverty, "党员农贷笔数": s.Loans.Count,
		"培训期数": s.Training.Sessions, "培训人次": s.Training.Attendances, "培训人数": s.Training.People} {
		card := regexp.MustCompile(`<div class="l">` + label + `</div><div class="v">(\d+)</div>`).FindStringSubmatch(body)
		if card == nil || card[1] != fmt.Sprint(v) {
			t.Errorf("card %s: %v, want %d", label, card, v)
		}
	}
	for _, want := range []string{"101", "620", "155", "130", "12306", "8937", "22.75", "11.36"} {
		if !strings.Contains(body, `<div class="v">`+want+`</div>`) {
			t.Errorf("dashboard has no card %s", want)
		}
	}
	// The page shows at once and fetches its 待办/逾期 section from /todo.
	if !strings.Contains(body, `hx-get="/todo?as_of=`+seedDay+`"`) || strings.Contains(body, `id="todo-list"`) {
		t.Errorf("dashboard does not fetch its overdue list from /todo")
	}
	st, todo := c.get("/todo?as_of=" + seedDay)
	if st != http.StatusOK || !strings.Contains(todo, "待办/逾期") || !strings.Contains(todo, `id="todo-list"`) ||
		!strings.Contains(todo, "/institutions/overdue?") || strings.Contains(todo, "<html") {
		t.Errorf("/todo: %d, no overdue list fragment", st)
	}
	// Wider than a county, the overdue list is left to its pages.
	if err := a.db.CreateUser(context.Background(), &hezuo.User{Name: "province", Role: hezuo.RoleCountyAdmin, Scope: "22"}, pw, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, wide := a.login(t, "province").get("/?as_of=" + seedDay); !strings.Contains(wide, "范围大于一个县") || strings.Contains(wide, `id="todo-list"`) ||
		!strings.Contains(wide, `<div class="v">8937</div>`) {
		t.Errorf("the province's dashboard computes the overdue list")
	}
	card := regexp.MustCompile(`组织生活逾期事项</div><div class="v">(\d+)<`).FindStringSubmatch(todo)
	_, ob := c.get("/institutions/overdue?as_of=" + seedDay)
	if card == nil || card[1] != totalOf(t, ob) {
		t.Errorf("overdue card %v, the overdue page %s", card, totalOf(t, ob))
	}
}
