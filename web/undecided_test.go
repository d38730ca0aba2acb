package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// TestUndecidedManagerShown: an org whose villages lie in two counties is
// managed by no one until the common higher organization department decides
// (农村基层组织工作条例 Art. 5); the check page, the org page and the API say so
// instead of naming a county's department.
func TestUndecidedManagerShown(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	ctx := context.Background()
	var village string
	if err := a.db.QueryRowContext(ctx, `SELECT code FROM divisions WHERE level = 'village' ORDER BY code LIMIT 1`).Scan(&village); err != nil {
		t.Fatal(err)
	}
	ds := &hezuo.Dataset{
		Divisions: []hezuo.Division{{Code: "222426", Name: "邻县"}, {Code: "222426100", Name: "邻镇"}, {Code: "222426100201", Name: "邻村"}},
		Orgs: []hezuo.Org{{OrgNo: "KX-001", Name: "跨县林蛙专业合作社", Kind: hezuo.KindCooperative, Village: village,
			Villages: []string{"222426100201"}, Industry: "林蛙", Founded: hezuo.MustDate("2015-03-01")}},
	}
	if err := a.db.Load(ctx, ds, hezuo.MustDate(seedDay)); err != nil {
		t.Fatal(err)
	}
	c := a.login(t, "admin")
	st, body := c.get("/check?status=all&as_of=" + seedDay + "&scope=" + village[:9])
	if st != http.StatusOK || !strings.Contains(body, "跨县林蛙专业合作社") || !strings.Contains(body, "<td>待共同上级组织部门确定</td>") {
		t.Errorf("check page: %d, no undecided manager", st)
	}
	st, body = c.get("/orgs/KX-001?as_of=" + seedDay)
	if st != http.StatusOK || !strings.Contains(body, "待共同上级组织部门确定") || strings.Contains(body, "县林业局") {
		t.Errorf("org page: %d, no undecided manager", st)
	}
	var rows []hezuo.CheckView
	if st := c.getJSON("/api/check?as_of="+seedDay+"&scope="+village[:9], &rows); st != http.StatusOK {
		t.Fatalf("api check: %d", st)
	}
	found := false
	for _, r := range rows {
		if r.OrgNo == "KX-001" {
			found = true
			if r.ManagedBy.Level != "undecided" || r.ManagedBy.Code != "" || !strings.Contains(strings.Join(r.Reasons, ""), "管理党组织待定") {
				t.Errorf("api check: %+v", r)
			}
		}
	}
	if !found {
		t.Error("api check: the cross-county org is missing")
	}
}
