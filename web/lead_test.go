package web

import (
	"html"
	"net/http"
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
// figure — on the seed's day and on today, for the county and a township.
func TestDashboardFiguresLeadToLists(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		c := a.login(t, "admin")
		for _, query := range []string{"as_of=" + seedDay, "", "scope=" + townB + "&as_of=" + seedDay} {
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
