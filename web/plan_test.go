package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"hezuo"
	"hezuo/plan"
)

// endTownCover ends today every joint branch and party group seated in
// town and two open
// dispatches to orgs (other than the instructor user's) without party
// members, so that the town's plans have content: the demo county covers
// every org. It returns the orgs that now need a joint branch and those
// that lost an instructor.
func endTownCover(t *testing.T, a *app, town string) (joint, ins []string) {
	t.Helper()
	ctx := context.Background()
	now, today := a.clock.Now(), hezuo.Today(hezuo.China)
	type po struct {
		no      string
		version int
	}
	var pos []po
	rows, err := a.db.QueryContext(ctx, a.db.Rebind(`SELECT no, version FROM party_orgs WHERE form IN ('joint_branch', 'party_group')
		AND valid_to IS NULL AND seat BETWEEN ? AND ? ORDER BY no`), town+"000", town+"999")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var p po
		rows.Scan(&p.no, &p.version)
		pos = append(pos, p)
	}
	rows.Close()
	for _, p := range pos {
		if _, err := a.db.EndPartyOrg(ctx, hezuo.System, p.no, today, p.version, now); err != nil {
			t.Fatalf("end %s: %v", p.no, err)
		}
	}
	type dx struct {
		ins  int64
		org  string
		from hezuo.Date
	}
	var ds []dx
	rows, err = a.db.QueryContext(ctx, a.db.Rebind(`SELECT d.instructor_id, o.org_no, d.valid_from FROM dispatches d JOIN orgs o ON o.id = d.org_id
		WHERE d.valid_to IS NULL AND o.village BETWEEN ? AND ? AND o.org_no <> ? AND o.id NOT IN (SELECT m.org_id FROM memberships m
		JOIN party_status ps ON ps.person_id = m.person_id) ORDER BY o.org_no LIMIT 2`), town+"000", town+"999", orgIns)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var d dx
		rows.Scan(&d.ins, &d.org, &d.from)
		ds = append(ds, d)
	}
	rows.Close()
	for _, d := range ds {
		if err := a.db.EndDispatch(ctx, hezuo.System, d.ins, d.org, d.from, today, now); err != nil {
			t.Fatalf("end dispatch to %s: %v", d.org, err)
		}
		ins = append(ins, d.org)
	}
	in, err := a.db.PlanInput(ctx, hezuo.Scope{Prefix: town}, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range in.JointOrgs {
		joint = append(joint, o.OrgNo)
	}
	if len(joint) < 4 || len(ins) == 0 {
		t.Fatalf("fixture: %d orgs lost a joint branch, %d an instructor", len(joint), len(ins))
	}
	return joint, ins
}

var (
	selectRe   = regexp.MustCompile(`(?s)<select name="([bi]_[^"]+)"[^>]*>(.*?)</select>`)
	selectedRe = regexp.MustCompile(`<option value="([^"]*)" selected>`)
)

// selections returns the choices a plan page's selects of kind ("b" joint
// branches, "i" instructors) show, as a form would post them.
func selections(html, kind string) url.Values {
	out := url.Values{}
	for _, m := range selectRe.FindAllStringSubmatch(html, -1) {
		if !strings.HasPrefix(m[1], kind+"_") {
			continue
		}
		v := ""
		if s := selectedRe.FindStringSubmatch(m[2]); s != nil {
			v = s[1]
		}
		out.Set(m[1], v)
	}
	return out
}

// checkRow returns the check row of org in c's /api/check.
func checkRow(t *testing.T, c *client, org string) map[string]any {
	var rows []map[string]any
	c.getJSON("/api/check?scope="+org[:0]+townA, &rows)
	for _, r := range rows {
		if r["org_id"] == org {
			return r
		}
	}
	return nil
}

func TestPlanPage(t *testing.T) {
	forEachDB(t, func(t *testing.T, a *app) {
		joint, ins := endTownCover(t, a, townA)
		c := a.login(t, "townA")
		st, body := c.get("/plan")
		if st != http.StatusOK || !strings.Contains(body, `id="branch-1"`) || !strings.Contains(body, `id="joint-accept"`) {
			t.Fatalf("plan page: %d %.300s", st, body)
		}
		for _, no := range joint {
			if !strings.Contains(body, `name="b_`+no+`"`) {
				t.Errorf("plan page lacks %s", no)
			}
		}
		// Who may see and accept.
		for user, want := range map[string]int{"townB": http.StatusForbidden, "secretary": http.StatusForbidden, "dept": http.StatusForbidden,
			"auditor": http.StatusOK, "admin": http.StatusOK} {
			u := a.login(t, user)
			st, body := u.get("/plan?township=" + townA)
			if st != want {
				t.Errorf("%s GET /plan: %d, want %d", user, st, want)
			}
			if user == "auditor" && strings.Contains(body, "joint-accept") {
				t.Error("the auditor is offered the accept button")
			}
			form := selections(body, "b")
			form.Set("township", townA)
			form.Set("op", "accept")
			if user != "admin" {
				if st, _ := u.postForm("/plan/joint", form); st != http.StatusForbidden {
					t.Errorf("%s accepts town A's plan: %d, want 403", user, st)
				}
			}
		}
		if _, body := a.login(t, "admin").get("/plan"); !strings.Contains(body, `href="/plan?township=`+townA+`"`) {
			t.Error("the county overview does not link town A")
		}
		// An edit that breaks the rules is refused with the reason: every
		// org in one branch (more than the limit of units, or too few
		// full members when all orgs together are few).
		form := selections(body, "b")
		for k := range form {
			form.Set(k, "1")
		}
		form.Set("township", townA)
		form.Set("op", "check")
		st, page := c.postForm("/plan/joint", form)
		if st != http.StatusUnprocessableEntity || !strings.Contains(page, `id="joint-error"`) {
			t.Errorf("all in one branch: %d, want 422 with the error", st)
		}
		// The proposal as shown holds; moving one org out is checked the
		// way plan.Compose checks it.
		form = selections(body, "b")
		form.Set("township", townA)
		form.Set("op", "check")
		if st, page := c.postForm("/plan/joint", form); st != http.StatusOK || !strings.Contains(page, `id="joint-checked"`) {
			t.Errorf("proposal as shown: %d", st)
		}
		in, err := a.db.PlanInput(context.Background(), hezuo.Scope{Prefix: townA}, hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		moved := url.Values{}
		for k, v := range form {
			moved[k] = v
		}
		var out string
		for k, v := range form {
			if strings.HasPrefix(k, "b_") && v[0] == "1" {
				out = strings.TrimPrefix(k, "b_")
				moved.Set(k, "0")
				break
			}
		}
		var groups [][]string
		byN := map[string][]string{}
		for k, v := range moved {
			if strings.HasPrefix(k, "b_") && v[0] != "0" && v[0] != "" {
				byN[v[0]] = append(byN[v[0]], strings.TrimPrefix(k, "b_"))
			}
		}
		for _, g := range byN {
			groups = append(groups, g)
		}
		_, cerr := plan.Compose(groups, in.JointOrgs, in.Settings)
		st, page = c.postForm("/plan/joint", moved)
		if (cerr == nil) != (st == http.StatusOK) || !strings.Contains(page, `name="b_`+out+`"`) {
			t.Errorf("moving %s out: %d, Compose says %v", out, st, cerr)
		}
		// Accept the proposal: the branches are created today, the check
		// page shows the orgs covered, the audit log has each branch.
		form.Set("op", "accept")
		st, _ = c.postForm("/plan/joint", form)
		if st != http.StatusSeeOther {
			t.Fatalf("accept: %d", st)
		}
		placed := 0
		for k, v := range form {
			if strings.HasPrefix(k, "b_") && v[0] != "0" {
				placed++
				if r := checkRow(t, c, strings.TrimPrefix(k, "b_")); r == nil || r["actual"] != hezuo.FormJointBranch {
					t.Errorf("%s after acceptance: %v", k, r)
				}
			}
		}
		if placed == 0 {
			t.Fatal("the proposal placed no org")
		}
		if _, body := c.get("/check?scope=" + townA + "&status=all&accepted=2"); !strings.Contains(body, `id="flash"`) {
			t.Error("the check page does not say what was accepted")
		}
		entries, _, _ := a.db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Entity: "party_org", Action: hezuo.ActionCreate, User: "townA"})
		if len(entries) == 0 || !strings.Contains(entries[0].Note, "joint-branch plan accepted") {
			t.Errorf("audit of the acceptance: %+v", entries)
		}
		// Accepting again: the orgs are covered now, nothing is created twice.
		if st, page := c.postForm("/plan/joint", form); st == http.StatusSeeOther || !strings.Contains(page, "joint-error") {
			t.Errorf("second acceptance: %d", st)
		}
		// Instructors: the proposal as shown is accepted.
		_, body = c.get("/plan")
		iform := selections(body, "i")
		for _, no := range ins {
			if iform.Get("i_"+no) == "" {
				t.Errorf("no instructor proposed for %s", no)
			}
		}
		iform.Set("township", townA)
		iform.Set("op", "check")
		if st, _ := c.postForm("/plan/instructors", iform); st != http.StatusOK {
			t.Errorf("check instructors: %d", st)
		}
		stale := url.Values{"township": {townA}, "op": {"check"}, "i_" + ins[0]: {"0:220000********0000"}}
		if st, page := c.postForm("/plan/instructors", stale); st != http.StatusUnprocessableEntity || !strings.Contains(page, "ins-error") {
			t.Errorf("stale instructor choice: %d", st)
		}
		iform.Set("op", "accept")
		if st, _ := c.postForm("/plan/instructors", iform); st != http.StatusSeeOther {
			t.Fatalf("accept instructors: %d", st)
		}
		for _, no := range ins {
			if r := checkRow(t, c, no); r == nil || r["actual"] != "instructor" {
				t.Errorf("%s after the dispatch: %v", no, r)
			}
		}
	})
}
