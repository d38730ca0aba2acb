package web

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"hezuo"
)

var (
	orgRowRe    = regexp.MustCompile(`<tr>\s*<td[^>]*><a href="/orgs/([^"]+)">`)
	personRowRe = regexp.MustCompile(`<tr><td[^>]*><a href="/people/(\d+)">`)
	nextRe      = regexp.MustCompile(`<a href="([^"]+)">下一页`)
	prevRe      = regexp.MustCompile(`<a href="([^"]+)">‹ 上一页`)
	pageRe      = regexp.MustCompile(`<span>(\d+) / (\d+)</span>`)
)

// followPages reads a list page from path, then every "next" page to the
// end and every "previous" page back to the first, and returns the row
// keys read forwards and backwards (in list order).
func followPages(t *testing.T, c *client, path string, row *regexp.Regexp) ([]string, []string) {
	t.Helper()
	read := func(p string) ([]string, string, string, string) {
		st, body := c.get(p)
		if st != 200 {
			t.Fatalf("GET %s: %d", p, st)
		}
		var keys []string
		for _, m := range row.FindAllStringSubmatch(body, -1) {
			keys = append(keys, m[1])
		}
		var prev, next, page string
		if m := prevRe.FindStringSubmatch(body); m != nil {
			prev = html.UnescapeString(m[1])
		}
		if m := nextRe.FindStringSubmatch(body); m != nil {
			next = html.UnescapeString(m[1])
		}
		if m := pageRe.FindStringSubmatch(body); m != nil {
			page = m[1]
		}
		return keys, prev, next, page
	}
	fwd, prev, next, _ := read(path)
	last := fwd
	n := 1
	for next != "" {
		if n++; n > 50 {
			t.Fatal("the next links do not end")
		}
		if !strings.Contains(next, "after=") {
			t.Fatalf("next link without a cursor: %s", next)
		}
		var keys []string
		var page string
		keys, prev, next, page = read(next)
		if page != strconv.Itoa(n) {
			t.Errorf("page %d labelled %s", n, page)
		}
		fwd = append(fwd, keys...)
		last = keys
	}
	bwd := slices.Clone(last)
	for prev != "" {
		if n--; n < 0 {
			t.Fatal("the previous links do not end")
		}
		var keys []string
		keys, prev, _, _ = read(prev)
		bwd = append(slices.Clone(keys), bwd...)
	}
	return fwd, bwd
}

// TestListCursorLinks: the org and people lists link their next and
// previous pages by cursor; following them forwards and back reads every
// row once, in the order of the pages read by number (the API's).
func TestListCursorLinks(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		admin := a.login(t, "admin")
		var want []string
		for page := 1; ; page++ {
			var list struct {
				Items []struct {
					OrgNo string `json:"org_id"`
				} `json:"items"`
				Total int `json:"total"`
			}
			admin.getJSON("/api/orgs?kind=cooperative&sort=-name&page="+strconv.Itoa(page), &list)
			for _, it := range list.Items {
				want = append(want, it.OrgNo)
			}
			if len(want) >= list.Total || len(list.Items) == 0 {
				break
			}
		}
		if len(want) <= 2*hezuo.PageSize {
			t.Fatalf("only %d cooperatives", len(want))
		}
		fwd, bwd := followPages(t, admin, "/orgs?kind=cooperative&sort=-name", orgRowRe)
		if !slices.Equal(fwd, want) || !slices.Equal(bwd, want) {
			t.Errorf("orgs by cursor:\n by number %v\n forwards  %v\n backwards %v", want, fwd, bwd)
		}
		townA := a.login(t, "townA")
		fwd, bwd = followPages(t, townA, "/people?party=1", personRowRe)
		if len(fwd) <= hezuo.PageSize || !slices.Equal(fwd, bwd) {
			t.Errorf("people by cursor: forwards %d rows, backwards %d", len(fwd), len(bwd))
		}
		seen := map[string]bool{}
		for _, id := range fwd {
			if seen[id] {
				t.Errorf("person %s listed twice", id)
			}
			seen[id] = true
		}
	})
}
