package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// figureLink is one dashboard figure that leads to its list.
type figureLink struct {
	Label, Href, Value string
}

var cardLinkRE = regexp.MustCompile(`<a class="card card-link" href="([^"]+)"><div class="l">([^<]+)</div><div class="v">([^<]+)</div>`)

// figureLinks returns the dashboard's figures with a link (the page and its
// 待办/逾期 section).
func dashboardFigureLinks(t *testing.T, c *client, query string) []figureLink {
	t.Helper()
	var out []figureLink
	for _, path := range []string{"/?" + query, "/todo?" + query} {
		st, body := c.get(path)
		if st != http.StatusOK {
			t.Fatalf("%s: %d", path, st)
		}
		for _, m := range cardLinkRE.FindAllStringSubmatch(body, -1) {
			out = append(out, figureLink{Label: html.UnescapeString(m[2]), Href: html.UnescapeString(m[1]), Value: m[3]})
		}
	}
	return out
}

var listTotalRE = regexp.MustCompile(`id="total">(\d+)<`)

// listTotal follows a link and returns the total its list shows.
func listTotal(t *testing.T, c *client, href string) int {
	t.Helper()
	st, body := c.get(href)
	if st != http.StatusOK {
		t.Fatalf("%s: %d", href, st)
	}
	m := listTotalRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s shows no total", href)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestDashboardFiguresLeadToLists: the county dashboard has at least ten
// figures linking to their lists, filtered, and each list's total is the
// figure — on the seed's day and on today, for the county, a township chosen
// by the county's administrator and a township officer's own.
func TestDashboardFiguresLeadToLists(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		admin, town := a.login(t, "admin"), a.login(t, "townA")
		for _, run := range []struct {
			c     *client
			query string
		}{{admin, "as_of=" + seedDay}, {admin, ""}, {admin, "scope=" + townB + "&as_of=" + seedDay}, {town, "as_of=" + seedDay}} {
			c, query := run.c, run.query
			links := dashboardFigureLinks(t, c, query)
			if len(links) < 10 {
				t.Fatalf("%q: %d figure links, want at least 10", query, len(links))
			}
			compared := 0
			for _, l := range links {
				if strings.Contains(query, "as_of=") && !strings.Contains(l.Href, "as_of="+seedDay) {
					t.Errorf("%q: %s's link %s drops the day", query, l.Label, l.Href)
				}
				if strings.Contains(query, "scope=") && !strings.Contains(l.Href, "scope="+townB) {
					t.Errorf("%q: %s's link %s drops the scope", query, l.Label, l.Href)
				}
				want, err := strconv.Atoi(l.Value)
				if err != nil { // an amount: its list shows the loans
					continue
				}
				if got := listTotal(t, c, l.Href); got != want {
					t.Errorf("%q: %s is %d but %s lists %d", query, l.Label, want, l.Href, got)
				}
				compared++
			}
			if compared < 10 {
				t.Errorf("%q: compared %d figures with their lists, want at least 10", query, compared)
			}
		}
	})
}

var tabRE = regexp.MustCompile(`<a href="([^"]+)" id="list-([a-z_]+)"[^>]*>[^<]*<b id="[a-z_-]+">(\d+)</b></a>`)

// TestCheckPageLists: the check page lists every org at once; each filter
// (空白点, 应建未建, 仅派指导员, 换届到期 …) shows its count, leads to a list of
// that many rows, the ones the figures and the rules' warnings name; the
// lists are paginated and downloadable with their filter.
func TestCheckPageLists(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "admin")
		for _, day := range []string{seedDay, "2026-06-30"} {
			var rows []struct {
				OrgNo     string   `json:"org_id"`
				Status    string   `json:"status"`
				Actual    string   `json:"actual"`
				Uncovered bool     `json:"uncovered"`
				Should    bool     `json:"should_build_not_built"`
				Instr     bool     `json:"instructor"`
				Warnings  []string `json:"warnings"`
			}
			if st := c.getJSON("/api/check?as_of="+day, &rows); st != http.StatusOK || len(rows) == 0 {
				t.Fatalf("/api/check: %d, %d rows", st, len(rows))
			}
			want := map[string]int{"all": len(rows)}
			for _, r := range rows {
				for _, w := range r.Warnings {
					if strings.Contains(w, "应按期换届") {
						want["term_due"]++
						break
					}
				}
				if r.Uncovered {
					want["uncovered"]++
				}
				if r.Should {
					want["should_build"]++
				}
				if r.Actual == "instructor" {
					want["instructor_only"]++
				}
				if r.Instr {
					want["instructor"]++
				}
				if r.Status == "ok" {
					want["ok"]++
				}
			}
			st, body := c.get("/check?as_of=" + day)
			if st != http.StatusOK {
				t.Fatalf("/check: %d", st)
			}
			if got := listTotal(t, c, "/check?as_of="+day); got != len(rows) || !strings.Contains(body, `id="check-rows"`) {
				t.Errorf("%s: /check lists %d orgs at once, want all %d", day, got, len(rows))
			}
			tabs := map[string]string{}
			for _, m := range tabRE.FindAllStringSubmatch(body, -1) {
				tabs[m[2]] = html.UnescapeString(m[1])
				n, _ := strconv.Atoi(m[3])
				if w, ok := want[m[2]]; ok && n != w {
					t.Errorf("%s: filter %s shows %d, want %d", day, m[2], n, w)
				}
				if got := listTotal(t, c, tabs[m[2]]); got != n {
					t.Errorf("%s: filter %s shows %d but lists %d", day, m[2], n, got)
				}
			}
			for _, l := range []string{"uncovered", "should_build", "instructor_only", "term_due", "instructor"} {
				if tabs[l] == "" {
					t.Errorf("%s: no filter %s on the check page", day, l)
				}
			}
			if day == seedDay && want["term_due"] == 0 {
				t.Errorf("%s: no org is due for re-election in the demo: the filter is not exercised", day)
			}
			// The download of a filtered list holds its rows.
			if want["term_due"] > 0 {
				_, h, b := c.raw("/check.xlsx?status=term_due&as_of=" + day)
				if h.Get("Content-Type") != xlsxType {
					t.Fatalf("check.xlsx: %s", h.Get("Content-Type"))
				}
				if got := len(xlsxRows(t, b)) - 1; got != want["term_due"] {
					t.Errorf("%s: check.xlsx?status=term_due has %d rows, want %d", day, got, want["term_due"])
				}
			}
		}
		// Paginated: the second page of all orgs starts after the first.
		_, p1 := c.get("/check?as_of=" + seedDay + "&sort=name")
		_, p2 := c.get("/check?as_of=" + seedDay + "&sort=name&page=2")
		first := regexp.MustCompile(`<tr><td><a href="/orgs/([^"]+)">`)
		a1, a2 := first.FindAllStringSubmatch(p1, -1), first.FindAllStringSubmatch(p2, -1)
		if len(a1) == 0 || len(a2) == 0 || a1[0][1] == a2[0][1] {
			t.Errorf("check pages 1 and 2: %d and %d rows", len(a1), len(a2))
		}
		if st, _ := c.get("/check?status=nonsense"); st != http.StatusBadRequest && st != http.StatusUnprocessableEntity {
			t.Errorf("/check?status=nonsense: %d", st)
		}
	})
}

var (
	overdueRowRE = regexp.MustCompile(`^<td>[^<]*</td><td><a href="/institutions\?party_org=([^"]+)">.*<a class="act" href="([^"]+)">([^<]+)</a></td></tr>`)
	inputValueRE = func(id string) *regexp.Regexp {
		return regexp.MustCompile(`id="` + id + `" name="` + id + `"[^>]*? value="([^"]*)"`)
	}
)

// overdueRows returns the overdue list's rows: party organization, action
// address and label.
func overdueListRows(body string) [][]string {
	var out [][]string
	for _, tr := range strings.Split(body, "<tr>") {
		if m := overdueRowRE.FindStringSubmatch(tr); m != nil {
			out = append(out, m)
		}
	}
	return out
}

// TestOverdueActionsPrefilled: each row of the overdue list has its action
// (登记会议 / 登记走访 / 登记承诺 / 登记践诺) leading to its form filled from the
// row; a meeting saved from it takes its row off the list. On the seed's
// day, whose overdue items the demo keeps.
func TestOverdueActionsPrefilled(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "admin")
		labels := map[string]string{"theme_day": "登记会议", "joint_meeting": "登记会议", "contact_visit": "登记走访", "commitment": "登记承诺", "fulfilment": "登记践诺"}
		seen, saved := 0, false
		for kind, label := range labels {
			_, body := c.get("/institutions/overdue?as_of=" + seedDay + "&kind=" + kind)
			rows := overdueListRows(body)
			if totalOf(t, body) != "0" && len(rows) == 0 {
				t.Errorf("%s: the overdue rows have no action", kind)
				continue
			}
			if len(rows) == 0 {
				continue
			}
			seen++
			po, href := rows[0][1], html.UnescapeString(rows[0][2])
			if rows[0][3] != label {
				t.Errorf("%s: action %q, want %q", kind, rows[0][3], label)
			}
			st, form := c.get(href)
			if st != http.StatusOK {
				t.Fatalf("%s: %s: %d", kind, href, st)
			}
			switch kind {
			case "theme_day", "joint_meeting":
				if m := inputValueRE("party_org").FindStringSubmatch(form); m == nil || m[1] != po ||
					!strings.Contains(form, `<option value="`+kind+`" selected>`) {
					t.Errorf("%s: the meeting form is not filled with %s and its kind: %v", kind, po, m)
				}
				if kind == "joint_meeting" {
					if m := inputValueRE("village_party_org").FindStringSubmatch(form); m == nil || m[1] == "" {
						t.Errorf("joint meeting: no village party organization proposed")
					}
				}
			case "contact_visit":
				if !regexp.MustCompile(`name="person" value="\d+"`).MatchString(form) || !strings.Contains(form, `id="person-name"`) {
					t.Errorf("visit: the form names no member")
				}
				if m := inputValueRE("household").FindStringSubmatch(form); m == nil || m[1] == "" {
					t.Errorf("visit: the form names no household")
				}
			case "commitment":
				if m := inputValueRE("party_org").FindStringSubmatch(form); m == nil || m[1] != po ||
					!regexp.MustCompile(`<option value="\d+" selected>`).MatchString(form) {
					t.Errorf("commitment: the form is not filled with %s and the member", po)
				}
			case "fulfilment":
				if !strings.Contains(form, `id="fulfil-form"`) {
					t.Errorf("fulfilment: %s is not the fulfilment form", href)
				}
			}
			if kind != "theme_day" {
				continue
			}
			// Saving the prefilled meeting takes its row off the list.
			saved = true
			before := totalOf(t, body)
			// The form returns to the list once saved.
			action := regexp.MustCompile(`id="meeting-form" action="([^"]+)"`).FindStringSubmatch(form)
			if action == nil || !strings.Contains(action[1], "back=") {
				t.Fatalf("the meeting form does not return to the list: %v", action)
			}
			f := url.Values{"party_org": {po}, "kind": {kind}, "held_on": {seedDay}, "topic": {"主题党日：学习"}, "csrf": {c.csrf}}
			req, _ := http.NewRequest("POST", c.base+html.UnescapeString(action[1]), strings.NewReader(f.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := c.hc.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/institutions/overdue?") ||
				!strings.Contains(loc, "saved=1") || !strings.Contains(loc, "kind="+kind) {
				t.Fatalf("save the meeting: %d, to %q", resp.StatusCode, loc)
			}
			_, after := c.get("/institutions/overdue?as_of=" + seedDay + "&kind=" + kind)
			if n, _ := strconv.Atoi(totalOf(t, after)); strconv.Itoa(n+1) != before {
				t.Errorf("after the meeting: %d theme-day items, before %s", n, before)
			}
			for _, r := range overdueListRows(after) {
				if r[1] == po {
					t.Errorf("%s is still overdue for a theme day", po)
				}
			}
		}
		if !saved {
			t.Errorf("no theme day overdue: no meeting saved from the list")
		}
		if seen < 3 {
			t.Errorf("only %d kinds of overdue items to try", seen)
		}
		// Who may not write sees no action.
		if _, body := a.login(t, "auditor").get("/institutions/overdue"); strings.Contains(body, `class="act"`) {
			t.Errorf("the auditor is offered actions")
		}
	})
}
