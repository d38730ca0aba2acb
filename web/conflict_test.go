package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"hezuo/sqldb/dbtest"
)

var (
	formInputRe    = regexp.MustCompile(`<input([^>]*)>`)
	formAttrRe     = regexp.MustCompile(`(\w+)="([^"]*)"`)
	formSelectRe   = regexp.MustCompile(`(?s)<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>`)
	formSelectedRe = regexp.MustCompile(`<option value="([^"]*)" selected>`)
)

// htmlFormValues reads the values an HTML form page would submit: its enabled
// inputs (checked checkboxes only) and the selected options.
func htmlFormValues(html string) url.Values {
	v := url.Values{}
	for _, m := range formInputRe.FindAllStringSubmatch(html, -1) {
		attrs := map[string]string{}
		for _, a := range formAttrRe.FindAllStringSubmatch(m[1], -1) {
			attrs[a[1]] = a[2]
		}
		name := attrs["name"]
		if name == "" || strings.Contains(m[1], " disabled") || (attrs["type"] == "checkbox" && !strings.Contains(m[1], " checked")) {
			continue
		}
		v.Set(name, strings.ReplaceAll(attrs["value"], "&#43;", "+"))
	}
	for _, m := range formSelectRe.FindAllStringSubmatch(html, -1) {
		if s := formSelectedRe.FindStringSubmatch(m[2]); s != nil {
			v.Set(m[1], s[1])
		}
	}
	return v
}

// TestConcurrentOrgEdit: two officers open the same org's form and save at
// the same moment: one save goes through, the other form comes back with
// the conflict message, and nothing of the first is overwritten.
func TestConcurrentOrgEdit(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			a := newApp(t, d.DSN, Options{})
			c1, c2 := a.login(t, "admin"), a.login(t, "townA")
			var forms [2]url.Values
			for i, c := range []*client{c1, c2} {
				st, body := c.get("/orgs/" + orgSec + "/edit")
				if st != http.StatusOK {
					t.Fatalf("edit form: %d", st)
				}
				forms[i] = htmlFormValues(body)
				forms[i].Set("csrf", c.csrf)
				forms[i].Set("name", []string{"甲改的名称", "乙改的名称"}[i])
			}
			if forms[0].Get("version") == "" || forms[0].Get("version") != forms[1].Get("version") {
				t.Fatalf("versions read: %q %q", forms[0].Get("version"), forms[1].Get("version"))
			}
			var wg sync.WaitGroup
			st, body := [2]int{}, [2]string{}
			for i, c := range []*client{c1, c2} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					st[i], body[i] = c.postForm("/orgs/"+orgSec+"/edit", forms[i])
				}()
			}
			wg.Wait()
			won := -1
			for i := range 2 {
				switch {
				case st[i] == http.StatusSeeOther:
					if won >= 0 {
						t.Fatalf("both saves went through")
					}
					won = i
				case st[i] == http.StatusUnprocessableEntity && strings.Contains(body[i], `id="form-error"`) && strings.Contains(body[i], "已被他人修改"):
				default:
					t.Errorf("save %d: %d, want 303 or the form with the conflict message", i, st[i])
				}
			}
			if won < 0 {
				t.Fatal("neither save went through")
			}
			_, page := c1.get("/orgs/" + orgSec)
			if !strings.Contains(page, forms[won].Get("name")) {
				t.Errorf("the org page lacks the winning name %q", forms[won].Get("name"))
			}
		})
	}
}
