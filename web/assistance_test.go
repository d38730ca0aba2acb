package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hezuo"
)

// assistanceJSON is GET /api/assistance/… as the tests read it.
type assistanceJSON struct {
	Items []struct {
		ID        int64  `json:"id"`
		OrgNo     string `json:"org_id"`
		Village   string `json:"village"`
		Household string `json:"household"`
		Active    bool   `json:"active"`
		To        string `json:"to"`
	} `json:"items"`
	Total   int                   `json:"total"`
	Figures hezuo.AssistanceStats `json:"figures"`
}

// TestAssistancePages proves the assistance page shows the figures of
// `hezuo stats`, its lists filter, page and download, and its forms pair a
// unit, end the pairing, pair a party member with a new household and mark
// it out of poverty — refusing dates out of order and unknown people with
// the reason beside the field — with the figures following.
func TestAssistancePages(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		ctx := context.Background()
		c := a.login(t, "admin")
		day := hezuo.Today(hezuo.China)
		county := hezuo.Scope{Prefix: "222424"}
		st, err := a.db.Stats(ctx, county, day)
		if err != nil {
			t.Fatal(err)
		}
		var units, hh assistanceJSON
		c.getJSON("/api/assistance/units", &units)
		c.getJSON("/api/assistance/households", &hh)
		if units.Figures != st.Assistance || units.Figures.Units == 0 || units.Figures.PeopleOutOfPoverty == 0 {
			t.Errorf("figures %+v, stats %+v", units.Figures, st.Assistance)
		}
		if units.Total == 0 || len(units.Items) != hezuo.PageSize || hh.Total < st.Assistance.HouseholdsPaired {
			t.Errorf("lists: %d unit pairings (%d shown), %d household pairings for %d households", units.Total, len(units.Items), hh.Total, st.Assistance.HouseholdsPaired)
		}
		_, body := c.get("/assistance")
		for id, n := range map[string]int{"fig-units": st.Assistance.Units, "fig-orgs": st.Assistance.OrgsAssisted,
			"fig-households": st.Assistance.HouseholdsPaired, "fig-people-out": st.Assistance.PeopleOutOfPoverty} {
			if !strings.Contains(body, fmt.Sprintf(`id="%s">%d<`, id, n)) {
				t.Errorf("/assistance: %s is not %d", id, n)
			}
		}
		var active, page2 assistanceJSON
		c.getJSON("/api/assistance/units?active=1", &active)
		c.getJSON("/api/assistance/units?page=2", &page2)
		if active.Total == 0 || active.Total >= units.Total || page2.Items[0].ID == units.Items[0].ID {
			t.Errorf("active %d of %d; page 2 starts with %d", active.Total, units.Total, page2.Items[0].ID)
		}
		for _, it := range active.Items {
			if !it.Active {
				t.Errorf("active=1 lists %+v", it)
			}
		}
		_, _, b := c.raw("/assistance.xlsx?active=1")
		if rows := xlsxRows(t, b); len(rows)-1 != active.Total || rows[0][0] != "单位代码" {
			t.Errorf("assistance.xlsx: %d rows, list %d", len(rows)-1, active.Total)
		}
		_, _, b = c.raw("/assistance.xlsx?tab=households")
		if rows := xlsxRows(t, b); len(rows)-1 != hh.Total || rows[0][0] != "户编号" {
			t.Errorf("households .xlsx: %d rows, list %d", len(rows)-1, hh.Total)
		}

		// A unit pairs with an org of town A, then the pairing ends.
		tA := a.login(t, "townA")
		var unit string
		a.db.QueryRowContext(ctx, `SELECT min(code) FROM units`).Scan(&unit)
		from := day.AddDays(-30)
		if st, body := tA.postForm("/assistance/units", url.Values{"unit": {unit}, "org_id": {orgIns}, "from": {from.String()}, "note": {"资金帮扶"}}); st != http.StatusSeeOther {
			t.Fatalf("pair: %d %v", st, fieldErrors(body))
		}
		if st, body := tA.postForm("/assistance/units", url.Values{"unit": {unit}, "org_id": {orgIns}, "from": {day.AddDays(-5).String()}}); st != http.StatusConflict ||
			fieldErrors(body)["from"] == "" {
			t.Errorf("overlapping pairing: %d %v", st, fieldErrors(body))
		}
		var mine assistanceJSON
		tA.getJSON("/api/assistance/units?q="+orgIns, &mine)
		var id int64
		for _, it := range mine.Items {
			if it.OrgNo == orgIns && it.To == "" {
				id = it.ID
			}
		}
		if id == 0 {
			t.Fatalf("the new pairing is not listed: %+v", mine)
		}
		if st, body := tA.postForm(fmt.Sprintf("/assistance/units/%d/end", id), url.Values{"confirm": {"1"}, "to": {from.AddDays(-1).String()}}); st != http.StatusUnprocessableEntity ||
			fieldErrors(body)["to"] == "" {
			t.Errorf("end before the start: %d %v", st, fieldErrors(body))
		}
		if st, _ := tA.postForm(fmt.Sprintf("/assistance/units/%d/end", id), url.Values{"confirm": {"1"}, "to": {day.String()}}); st != http.StatusSeeOther {
			t.Errorf("end: %d", st)
		}
		// A party member pairs with a new household, which leaves poverty.
		fx := findLoanFixture(t, a)
		var village string
		a.db.QueryRowContext(ctx, `SELECT min(code) FROM divisions WHERE code LIKE '222424102%' AND level = 'village'`).Scan(&village)
		form := url.Values{"member": {fx.borrower}, "household": {"T-HH-1"}, "head": {"张三"}, "village": {village}, "size": {"4"},
			"poverty": {hezuo.PovertyRegistered}, "org_id": {orgSec}, "help": {"实用技术"}, "from": {from.String()}}
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("member", "222424199001011234")
		if st, body := tA.postForm("/assistance/households", bad); st != http.StatusUnprocessableEntity || !strings.Contains(fieldErrors(body)["member"], "未知的身份证号") {
			t.Errorf("unknown member: %d %v", st, fieldErrors(body))
		}
		if st, body := tA.postForm("/assistance/households", form); st != http.StatusSeeOther {
			t.Fatalf("pair a household: %d %v %s", st, fieldErrors(body), body[:min(len(body), 300)])
		}
		if st, body := tA.postForm("/assistance/households/T-HH-1/out", url.Values{"confirm": {"1"}, "left_poverty_on": {from.AddDays(-1).String()}, "people_out": {"4"}}); st != http.StatusUnprocessableEntity ||
			!strings.Contains(fieldErrors(body)["left_poverty_on"], "早于结对帮扶开始日期") {
			t.Errorf("out of poverty before the pairing: %d %v", st, fieldErrors(body))
		}
		if st, body := tA.postForm("/assistance/households/T-HH-1/out", url.Values{"confirm": {"1"}, "left_poverty_on": {day.String()}, "people_out": {"9"}}); st != http.StatusUnprocessableEntity {
			t.Errorf("more people out than the household holds: %d %v", st, fieldErrors(body))
		}
		if st, _ := tA.postForm("/assistance/households/T-HH-1/out", url.Values{"confirm": {"1"}, "left_poverty_on": {day.String()}, "people_out": {"4"}}); st != http.StatusSeeOther {
			t.Errorf("out of poverty: %d", st)
		}
		st2, err := a.db.Stats(ctx, county, day)
		if err != nil {
			t.Fatal(err)
		}
		c.getJSON("/api/assistance/households", &hh)
		if hh.Figures != st2.Assistance || st2.Assistance.HouseholdsPaired != st.Assistance.HouseholdsPaired+1 ||
			st2.Assistance.PeopleOutOfPoverty != st.Assistance.PeopleOutOfPoverty+4 {
			t.Errorf("after the pairing: figures %+v, stats %+v (before %+v)", hh.Figures, st2.Assistance, st.Assistance)
		}
		// Town B's officer neither sees nor changes town A's household.
		tB := a.login(t, "townB")
		if st, _ := tB.postForm("/assistance/households/T-HH-1/out", url.Values{"confirm": {"1"}, "left_poverty_on": {day.String()}, "people_out": {"1"}}); st != http.StatusNotFound {
			t.Errorf("town B marks town A's household: %d, want 404", st)
		}
	})
}
