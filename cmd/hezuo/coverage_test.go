package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// coverageCounty is a small county of one village: F1 a registered
// cooperative with 3 full members covered by nothing (a blank spot that must
// build: in both figures), F2 the same with only a party group (should
// build), F3 with its own branch (ok), F4 an unregistered association with
// no party members and nothing (a blank spot that must not build).
func coverageCounty() *hezuo.Dataset {
	const county, town, village = "220997", "220997100", "220997100201"
	d := hezuo.MustDate
	ds := &hezuo.Dataset{Divisions: []hezuo.Division{{Code: county, Name: "覆盖县"}, {Code: town, Name: "甲镇"}, {Code: village, Name: "东村"}}}
	n := 0
	for i, o := range []struct {
		no, name, kind string
		full           int
	}{{"F1", "一号合作社", hezuo.KindCooperative, 3}, {"F2", "二号合作社", hezuo.KindCooperative, 3},
		{"F3", "三号合作社", hezuo.KindCooperative, 3}, {"F4", "四号协会", hezuo.KindAssociation, 0}} {
		org := hezuo.Org{OrgNo: o.no, Name: o.name, Kind: o.kind, Village: village, Industry: "蔬菜", Founded: d("2015-03-01")}
		if o.kind == hezuo.KindCooperative {
			for j := 100 * (i + 1); org.CreditCode == ""; j++ {
				org.CreditCode = hezuo.MakeCreditCode("93", county, fmt.Sprintf("%08d", j))
			}
			org.RegisteredOn = d("2015-04-01")
		}
		ds.Orgs = append(ds.Orgs, org)
		for j := 0; j < max(o.full, 2); j++ {
			n++
			id := hezuo.MakeIDNumber(county, hezuo.DateOf(1970+n, time.March, n), n)
			ds.People = append(ds.People, hezuo.Person{IDNumber: id, Name: fmt.Sprintf("成员%d", n), Village: village})
			ds.Memberships = append(ds.Memberships, hezuo.Membership{IDNumber: id, OrgNo: o.no, Period: hezuo.Period{From: d("2016-01-01")}})
			if j < o.full {
				ds.PartyStatus = append(ds.PartyStatus, hezuo.PartyStatus{IDNumber: id, Status: hezuo.StatusFull, Period: hezuo.Period{From: d("2010-07-01")}})
			}
		}
	}
	po := func(no, name, form, seat string, orgs []string, parent string) hezuo.PartyOrg {
		return hezuo.PartyOrg{No: no, Name: name, Form: form, Seat: seat, Orgs: orgs, Parent: parent, Period: hezuo.Period{From: d("2017-01-01")}}
	}
	ds.PartyOrgs = []hezuo.PartyOrg{
		po("V1", "东村党支部", hezuo.FormVillage, village, nil, ""),
		po("T1", "甲镇党委", hezuo.FormTownship, town+"000", nil, ""),
		po("G2", "二号合作社产业党小组", hezuo.FormPartyGroup, village, []string{"F2"}, "V1"),
		po("B3", "三号合作社党支部", hezuo.FormBranch, village, []string{"F3"}, "V1"),
	}
	return ds
}

// TestCoverageFiguresAgree: the dashboard, `stats`, `check` (its JSON
// flags and --status lists), the check page's filters and the report count
// and list the same orgs for each coverage figure, on both databases.
// Before the figures had one predicate, the check page's 应建未建 filter
// listed F2 alone while the dashboard counted F1 too.
func TestCoverageFiguresAgree(t *testing.T) {
	const day, scope = "2024-06-30", "220997"
	want := map[string][]string{"uncovered": {"F1", "F4"}, "should_build": {"F1", "F2"}}
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			db, err := sqldb.Open(context.Background(), d.DSN)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Load(context.Background(), coverageCounty(), hezuo.MustDate(day)); err != nil {
				t.Fatal(err)
			}
			db.Close()
			at := []string{"--db", d.DSN, "--scope", scope, "--as-of", day}

			var st hezuo.Stats
			if err := json.Unmarshal([]byte(mustRun(t, append([]string{"stats", "--format", "json"}, at...)...)), &st); err != nil {
				t.Fatal(err)
			}
			figure := map[string]int{"uncovered": st.Coverage.Uncovered, "should_build": st.Coverage.ShouldBuildNotBuilt}
			var all []map[string]any
			if err := json.Unmarshal([]byte(mustRun(t, append([]string{"check", "--format", "json"}, at...)...)), &all); err != nil {
				t.Fatal(err)
			}
			flagged := map[string][]string{}
			for _, r := range all {
				for key, list := range map[string]string{"uncovered": "uncovered", "should_build_not_built": "should_build"} {
					if r[key] == true {
						flagged[list] = append(flagged[list], r["org_id"].(string))
					}
				}
			}
			base, password := serveCounty(t, d.DSN, scope)
			c := signIn(t, base, password)
			dash := c.get(t, "/?scope="+scope+"&as_of="+day)
			for list, orgs := range want {
				if figure[list] != len(orgs) {
					t.Errorf("stats %s = %d, want %d", list, figure[list], len(orgs))
				}
				if !slices.Equal(flagged[list], orgs) {
					t.Errorf("check JSON flags %s on %v, want %v", list, flagged[list], orgs)
				}
				var listed []hezuo.CheckView
				if err := json.Unmarshal([]byte(mustRun(t, append([]string{"check", "--format", "json", "--status", list}, at...)...)), &listed); err != nil {
					t.Fatal(err)
				}
				if got := orgNos(listed); !slices.Equal(got, orgs) {
					t.Errorf("check --status %s lists %v, want %v", list, got, orgs)
				}
				page := c.get(t, "/check?scope="+scope+"&as_of="+day+"&status="+list)
				if got := pageRows(page); !slices.Equal(got, orgs) {
					t.Errorf("check page, filter %s, lists %v, want %v", list, got, orgs)
				}
				label := map[string]string{"uncovered": "空白点", "should_build": "应建未建"}[list]
				if got := card(dash, label); got != fmt.Sprint(len(orgs)) {
					t.Errorf("dashboard %s = %q, want %d", label, got, len(orgs))
				}
				counter := map[string]string{"uncovered": "uncovered-count", "should_build": "should-count"}[list]
				if got := regexp.MustCompile(`id="` + counter + `">(\d+)<`).FindStringSubmatch(page); got == nil || got[1] != fmt.Sprint(len(orgs)) {
					t.Errorf("check page's %s: %v, want %d", counter, got, len(orgs))
				}
			}
			md := filepath.Join(t.TempDir(), "r.md")
			mustRun(t, append([]string{"report", "--out", md}, at...)...)
			b, err := os.ReadFile(md)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"| 党的工作空白点 | 个 | 2 |", "| 应建未建 | 个 | 2 |", "检查中的空白点与统计数：相符", "检查中的应建未建（含应建的空白点）与统计数：相符"} {
				if !strings.Contains(string(b), s) {
					t.Errorf("report lacks %q", s)
				}
			}
		})
	}
}

func orgNos(vs []hezuo.CheckView) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.OrgNo)
	}
	return out
}

var rowRe = regexp.MustCompile(`<tr><td><a href="/orgs/([^"]+)">`)

// pageRows returns the org numbers of the check page's list of rows.
func pageRows(page string) []string {
	i := strings.Index(page, `id="check-rows"`)
	if i < 0 {
		return nil
	}
	var out []string
	for _, m := range rowRe.FindAllStringSubmatch(page[i:], -1) {
		out = append(out, m[1])
	}
	return out
}

// card returns the value of the dashboard card labelled label.
func card(page, label string) string {
	m := regexp.MustCompile(`<div class="l">` + regexp.QuoteMeta(label) + `</div><div class="v">([^<]*)</div>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return m[1]
}

// serveCounty adds a county administrator to dsn and runs `hezuo serve` on
// it in-process: its URL and the administrator's password.
func serveCounty(t *testing.T, dsn, scope string) (string, string) {
	const password = "Correct horse battery 9"
	if code, _, errs := hz(t, password+"\n", "user", "add", "admin", "--role", "county_admin", "--scope", scope, "--password-stdin", "--db", dsn); code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	u, _ := serveIn(t, dsn, false)
	return u, password
}

// webClient is a signed-in client of a served database.
type webClient struct {
	base string
	hc   *http.Client
}

func signIn(t *testing.T, base, password string) *webClient {
	jar, _ := cookiejar.New(nil)
	c := &webClient{base: strings.TrimSuffix(base, "/"), hc: &http.Client{Jar: jar}}
	resp, err := c.hc.Post(c.base+"/api/login", "application/json", strings.NewReader(`{"username":"admin","password":"`+password+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("login: %d", resp.StatusCode)
	}
	return c
}

func (c *webClient) get(t *testing.T, path string) string {
	t.Helper()
	resp, err := c.hc.Get(c.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
	}
	return string(b)
}
