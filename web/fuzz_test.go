package web

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// FuzzFormFields feeds arbitrary form bodies and query strings to every
// form and query parser: none may panic, and what they accept is sound
// (dates they parse print back to themselves; pages are at least 1).
func FuzzFormFields(f *testing.F) {
	for _, s := range []string{
		"org_id=WQ-1&name=%E5%90%88%E4%BD%9C%E7%A4%BE&kind=cooperative&founded=2020-01-01&households_driven=12&villages=222424100201%EF%BC%9B222424100202",
		"registered_on=2022%E5%B9%B46%E6%9C%888%E6%97%A5&households_driven=-1&version=x",
		"no=P1&form=joint_branch&orgs=A%E3%80%81B&term_years=3&from=2024-02-30&effective=2024/6/8",
		"borrower=22242419800101001x&amount=12.5&rate=0.0435&term_months=36&guarantor_1=x&guarantee_1=1e9",
		"scope=222424&as_of=2022-06-08&page=0&kind=union&q=%00",
		"scope=22242&as_of=9999-99-99&page=99999999999999999999",
		"%zz&&==&a=%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r, err := http.NewRequest("POST", "http://hezuo.test/x", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		r.URL.RawQuery = body
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if o, errs := readOrgForm(r).org(); len(errs) == 0 {
			for _, d := range []hezuo.Date{o.Founded, o.RegisteredOn, o.Dissolved} {
				if !d.IsZero() {
					if back, err := hezuo.ParseDate(d.String()); err != nil || back != d {
						t.Errorf("date %v does not print back: %v", d, err)
					}
				}
			}
		}
		errs := map[string]string{}
		readPartyOrgForm(r).partyOrg(r, errs)
		readLoanForm(r).application("zh")
		scopeParam(r)
		dayParam(r)
		orgFilter(r)
		listFilter(r)
		if n := intParam(r, "page", 1); n < 1 {
			t.Errorf("page %d", n)
		}
	})
}

// FuzzJSONBodies posts arbitrary bodies to every JSON endpoint that
// decodes one (sign-in, loans, repayments, meetings, trainings) as a
// signed-in county administrator over a real database: the answer is
// always JSON and never an internal error.
func FuzzJSONBodies(f *testing.F) {
	for _, s := range []string{
		`{"username":"admin","password":"x"}`,
		`{"username":1}`,
		`{"no":"L1","borrower":"222424198001010011","amount_fen":100000,"rate":0.05,"term_months":12,"applied_on":"2024-01-01"}`,
		`{"date":"2024-13-01","amount_fen":-1}`,
		`{"org_id":"WQ-HZ-001","held_on":"2024-01-01","kind":"三会一课","attendees":["x"]}`,
		`[]`, `null`, `{`, `"\u0000"`, `{"a":{"b":[1,2,{"c":null}]}}`,
	} {
		f.Add(uint8(0), s)
		f.Add(uint8(1), s)
		f.Add(uint8(2), s)
	}
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dbtest.SQLite(f))
	if err != nil {
		f.Fatal(err)
	}
	defer db.Close()
	u := &hezuo.User{Name: "admin", Role: hezuo.RoleCountyAdmin, Scope: "222424"}
	if err := db.CreateUser(ctx, u, pw, time.Now()); err != nil {
		f.Fatal(err)
	}
	sess, err := db.CreateSession(ctx, u, "zh", time.Now())
	if err != nil {
		f.Fatal(err)
	}
	huge := Rate{Every: time.Nanosecond, Burst: 1 << 30}
	s, err := New(db, Options{Log: log.New(io.Discard, "", 0), Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Limits: Limits{LoginPerIP: huge, LoginPerUser: huge, ImportPerIP: huge, ImportPerUser: huge}})
	if err != nil {
		f.Fatal(err)
	}
	paths := []string{"/api/login", "/api/loans", "/api/loans/L1/repayments", "/api/meetings", "/api/trainings"}
	f.Fuzz(func(t *testing.T, which uint8, body string) {
		path := paths[int(which)%len(paths)]
		r := httptest.NewRequest("POST", path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		r.AddCookie(&http.Cookie{Name: sessionCookie, Value: sess.Token})
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Errorf("POST %s %q: %d %s", path, body, w.Code, w.Body)
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Errorf("POST %s %q: not JSON: %s", path, body, w.Body)
		}
	})
}
