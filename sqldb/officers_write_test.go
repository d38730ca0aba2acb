package sqldb

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"hezuo"
	"hezuo/rules"
)

// officerSuggestions returns the officers_leaders suggestions of org on day
// (from the summaries).
func officerSuggestions(t *testing.T, db *DB, org string, day hezuo.Date) []string {
	t.Helper()
	rows, err := db.Check(context.Background(), hezuo.Scope{Prefix: fxTownA}, day)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if r.OrgNo != org {
			continue
		}
		for _, s := range r.Suggestions {
			if s.Rule == rules.RuleOfficersLeaders {
				out = append(out, s.ZH)
			}
		}
	}
	return out
}

// TestOfficerWrites: the party organization page's 新增任职 and 离任 on
// both databases — scope refusals, the post's checks, the audit entry, the
// summaries refreshed — and the rule naming the new member who is no
// 致富能手.
func TestOfficerWrites(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		d := hezuo.MustDate
		load(t, db, fixture())
		// 王组织: a full member of A, a technical talent, no 致富能手; 赵乙: a
		// full member living in 乙乡, in no org.
		wang, zhao := idNumber(50), idNumber(51)
		load(t, db, &hezuo.Dataset{
			People: []hezuo.Person{{IDNumber: wang, Name: "王组织", Village: fxVA1, TalentSince: d("2012-01-01")},
				{IDNumber: zhao, Name: "赵乙", Village: fxVB1}},
			Memberships: []hezuo.Membership{{IDNumber: wang, OrgNo: "A", Period: hezuo.Period{From: d("2016-01-01")}}},
			PartyStatus: []hezuo.PartyStatus{{IDNumber: wang, Status: hezuo.StatusFull, Period: hezuo.Period{From: d("2012-07-01")}},
				{IDNumber: zhao, Status: hezuo.StatusFull, Period: hezuo.Period{From: d("2012-07-01")}}},
		})
		now := time.Date(2024, 6, 30, 9, 0, 0, 0, hezuo.China)
		townA := &hezuo.Access{User: "townA", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownA}}
		townB := &hezuo.Access{User: "townB", Role: hezuo.RoleTownshipOfficer, Scope: hezuo.Scope{Prefix: fxTownB}}
		auditor := &hezuo.Access{User: "aud", Role: hezuo.RoleAuditor, Scope: hezuo.Scope{Prefix: fxCounty}}
		post := func(id, role, duty, from string) *hezuo.Officer {
			return &hezuo.Officer{PartyOrg: "BA", IDNumber: id, Role: role, Duty: duty, Period: hezuo.Period{From: d(from)}}
		}
		org := post(wang, hezuo.RoleCommittee, hezuo.DutyOrganization, "2021-01-10")
		for _, c := range []struct {
			name  string
			a     *hezuo.Access
			o     *hezuo.Officer
			code  string
			field string
		}{
			{"an auditor", auditor, org, hezuo.EFORBIDDEN, ""},
			{"a party organization of another township", townB, org, hezuo.ENOTFOUND, ""},
			{"a person of another township", townA, post(zhao, hezuo.RoleCommittee, "", "2021-01-10"), hezuo.ENOTFOUND, "id_number"},
			{"a person not on record", townA, post(idNumber(77), hezuo.RoleCommittee, "", "2021-01-10"), hezuo.ENOTFOUND, "id_number"},
			{"not a party member", townA, post(idNumber(5), hezuo.RoleCommittee, "", "2021-01-10"), hezuo.EINVALID, "id_number"},
			{"a second secretary", townA, post(wang, hezuo.RoleSecretary, "", "2021-01-10"), hezuo.EINVALID, "role"},
			{"a start after today", townA, post(wang, hezuo.RoleCommittee, "", "2024-07-01"), hezuo.EINVALID, "from"},
			{"a group leader in a branch", townA, post(wang, hezuo.RoleLeader, "", "2021-01-10"), hezuo.EINVALID, "role"},
			{"the secretary twice over", townA, post(idNumber(1), hezuo.RoleCommittee, "", "2021-01-10"), hezuo.EINVALID, "from"},
		} {
			o := *c.o
			err := db.StartPost(ctx, c.a, &o, now)
			var e *hezuo.Error
			if hezuo.ErrorCode(err) != c.code {
				t.Errorf("%s: %v, want %s", c.name, err, c.code)
			} else if c.field != "" && (!asError(err, &e) || e.Field != c.field) {
				t.Errorf("%s: %#v, want field %s", c.name, err, c.field)
			}
			if strings.Contains(hezuo.ErrorMessage(err, "zh")+hezuo.ErrorMessage(err, "en"), o.IDNumber[6:14]) {
				t.Errorf("%s: the message reveals the ID number: %v", c.name, err)
			}
		}
		if n := len(audited(t, db, "officer")); n != 0 {
			t.Fatalf("%d audit entries after refusals", n)
		}
		if got := officerSuggestions(t, db, "A", fxDay); len(got) != 0 {
			t.Fatalf("suggestions before the post: %q", got)
		}

		version, _ := db.Meta(ctx, "summary_version")
		o := *org
		if err := db.StartPost(ctx, townA, &o, now); err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(5, 6))
		version = assertFresh(t, db, version, r, fxDay)
		got := officerSuggestions(t, db, "A", fxDay)
		if len(got) != 1 || !strings.Contains(got[0], "组织委员王组织（农村专业技术人才）") {
			t.Errorf("suggestions after the post: %q", got)
		}
		if got := officerSuggestions(t, db, "A", d("2021-01-09")); len(got) != 0 {
			t.Errorf("suggestions before the start: %q", got)
		}
		es := audited(t, db, "officer")
		if len(es) != 1 || es[0].User != "townA" || es[0].Action != hezuo.ActionCreate || es[0].Division != fxVA1 ||
			strings.Contains(es[0].After+es[0].Key, wang) || !strings.Contains(es[0].After, "organization") {
			t.Errorf("audit entries %+v", es)
		}
		o = *org
		if err := db.StartPost(ctx, townA, &o, now); hezuo.ErrorCode(err) != hezuo.ECONFLICT {
			t.Errorf("the same post again: %v", err)
		}

		list, err := db.PartyOrgOfficers(ctx, townA, "BA", fxDay)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Role != hezuo.RoleSecretary || list[1].Duty != hezuo.DutyOrganization || list[1].Leader ||
			!list[1].Talent || list[1].IDNumber != hezuo.MaskIDNumber(wang) {
			t.Fatalf("officers %+v", list)
		}
		if _, err := db.PartyOrgOfficers(ctx, townB, "BA", fxDay); hezuo.ErrorCode(err) != hezuo.ENOTFOUND {
			t.Errorf("the list for another township: %v", err)
		}
		id := list[1].ID
		if err := db.EndPost(ctx, townB, "BA", id, d("2024-01-10"), now); hezuo.ErrorCode(err) != hezuo.ENOTFOUND {
			t.Errorf("ended by another township: %v", err)
		}
		if err := db.EndPost(ctx, townA, "JB", id, d("2024-01-10"), now); hezuo.ErrorCode(err) != hezuo.ENOTFOUND {
			t.Errorf("ended as another organization's post: %v", err)
		}
		if err := db.EndPost(ctx, townA, "BA", id, d("2021-01-10"), now); hezuo.ErrorCode(err) != hezuo.EINVALID {
			t.Errorf("ended on its first day: %v", err)
		}
		if err := db.EndPost(ctx, townA, "BA", id, d("2024-01-10"), now); err != nil {
			t.Fatal(err)
		}
		assertFresh(t, db, version, r, fxDay)
		if got := officerSuggestions(t, db, "A", fxDay); len(got) != 0 {
			t.Errorf("suggestions after leaving: %q", got)
		}
		if got := officerSuggestions(t, db, "A", d("2024-01-09")); len(got) != 1 {
			t.Errorf("suggestions the day before leaving: %q", got)
		}
		if es := audited(t, db, "officer"); len(es) != 2 || es[0].Action != hezuo.ActionEnd || !strings.Contains(es[0].After, "2024-01-10") {
			t.Errorf("audit entries %+v", es)
		}
		if err := db.EndPost(ctx, townA, "BA", id, d("2024-02-10"), now); hezuo.ErrorCode(err) != hezuo.ECONFLICT {
			t.Errorf("ended twice: %v", err)
		}
	})
}

func asError(err error, e **hezuo.Error) bool {
	x, ok := err.(*hezuo.Error)
	*e = x
	return ok
}

// audited returns the audit entries of entity, newest first.
func audited(t *testing.T, db *DB, entity string) []hezuo.AuditEntry {
	t.Helper()
	es, _, err := db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{Entity: entity, PerPage: 100})
	if err != nil {
		t.Fatal(err)
	}
	return es
}
