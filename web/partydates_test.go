package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"hezuo"
)

// TestPersonFormPartyDates: the person form records 政治面貌, 入党日期 and
// 转正日期 with the import's rules; a party member without dates is listed
// on the check page of the township, not on another's.
func TestPersonFormPartyDates(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "townA")
		today := hezuo.Today(hezuo.China)
		form := url.Values{"id_number": {newIDNumber(7)}, "name": {"党员甲"}, "village": {villageOf(t, a, townA)},
			"political_status": {"full"}, "joined_party": {today.AddDate(0, -11, 0).String()}}
		if st, body := c.postForm("/people/new", form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["joined_party"], "不满 12 个月") {
			t.Fatalf("中共党员 admitted 11 months ago: %d %v", st, fieldErrors(body))
		}
		joined := today.AddDate(-3, 0, 0)
		form.Set("joined_party", joined.String())
		form.Set("full_member_since", joined.AddDate(0, 6, 0).String())
		if st, body := c.postForm("/people/new", form); st != http.StatusUnprocessableEntity || fieldErrors(body)["full_member_since"] == "" {
			t.Fatalf("转正 after 6 months: %d %v", st, fieldErrors(body))
		}
		form.Set("full_member_since", "")
		pid := createPerson(t, c, form)
		rec, err := a.db.PersonForEdit(ctx, hezuo.System, pid, a.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if want := (hezuo.PartyRecord{Status: hezuo.StatusFull, JoinedParty: joined, FullSince: joined.AddDate(1, 0, 0)}); rec.Party != want &&
			!(joined.Month() == 2 && joined.Day() == 29) {
			t.Errorf("stored %+v, want %+v", rec.Party, want)
		}
		edit := c.pid(pid)
		if _, page := c.get(edit); !strings.Contains(page, `value="`+joined.String()+`"`) || !strings.Contains(page, `<option value="full" selected>`) {
			t.Errorf("the edit form does not show the party record")
		}
		form.Set("political_status", "probationary")
		form.Set("version", strconv.Itoa(rec.Version))
		if st, body := c.postForm(edit, form); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["political_status"], "只能前进") {
			t.Errorf("full → probationary: %d %v", st, fieldErrors(body))
		}

		// A full member without dates, member of the secretary's org.
		form = url.Values{"id_number": {newIDNumber(8)}, "name": {"党员乙"}, "village": {villageOf(t, a, townA)}, "political_status": {"full"}}
		p2 := createPerson(t, c, form)
		join := url.Values{"org_id": {orgSec}, "role": {"成员"}, "from": {"2020-01-01"}}
		if st, body := c.postForm("/people/"+strconv.FormatInt(p2, 10)+"/memberships", join); st != http.StatusSeeOther {
			t.Fatalf("join: %d %v", st, fieldErrors(body))
		}
		day := "&as_of=" + today.String()
		if _, page := c.get("/check?scope=" + townA + day); !strings.Contains(page, "1 名党员入党日期不详，按加入组织日期计为党员，请补录") ||
			!strings.Contains(page, "党员乙") {
			t.Errorf("the check page of town A does not list the member without dates")
		}
		if _, page := a.login(t, "townB").get("/check?scope=" + townB + day); strings.Contains(page, "party-dates-unknown") {
			t.Errorf("the check page of town B lists town A's member")
		}
		if len(audited(t, a, "party_status", "townA")) != 2 {
			t.Errorf("party status changes not audited")
		}
	})
}

// createPerson posts the new person form and returns the person's id.
func createPerson(t *testing.T, c *client, form url.Values) int64 {
	t.Helper()
	req, _ := http.NewRequest("POST", c.base+"/people/new", strings.NewReader(form.Encode()+"&csrf="+c.csrf))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	m := locationID.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("create person: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func (c *client) pid(id int64) string { return "/people/" + strconv.FormatInt(id, 10) + "/edit" }
