package sqldb

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"hezuo"
)

// walkPages reads a list page by page following the Next cursors to the
// end, then back following the Prev cursors, and returns the keys read
// forwards and backwards (the latter in list order).
func walkPages(t *testing.T, read func(after, before string) ([]string, string, string)) ([]string, []string) {
	t.Helper()
	var fwd []string
	keys, _, next := read("", "")
	fwd = append(fwd, keys...)
	last := keys
	var prev string
	for i := 0; next != ""; i++ {
		if i > 100 {
			t.Fatal("the cursors do not end")
		}
		keys, prev, next = read(next, "")
		if prev == "" {
			t.Fatalf("page after %v has no previous page", last)
		}
		fwd = append(fwd, keys...)
		last = keys
	}
	bwd := slices.Clone(last)
	for i := 0; prev != ""; i++ {
		if i > 100 {
			t.Fatal("the cursors do not end")
		}
		keys, prev, _ = read("", prev)
		bwd = append(slices.Clone(keys), bwd...)
	}
	return fwd, bwd
}

// TestListKeyset: for every sort key in both directions, the org and people
// lists read page by page through their cursors, forwards and backwards,
// give exactly the rows of one page holding them all, in the same order;
// the first page read by number equals the first page read from a cursor;
// a cursor of another sort is ignored (the page is read by number).
func TestListKeyset(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		ds := richFixture()
		for i := range 7 { // ties in every sorted column
			ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: fmt.Sprintf("Z%d", 9-i), Name: "农机协会", Kind: hezuo.KindAssociation,
				Village: fxVA2, Industry: "农机", HouseholdsDriven: 10, Founded: hezuo.MustDate("2015-03-01")})
		}
		load(t, db, ds)
		a := &hezuo.Access{User: "admin", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: fxCounty}}
		for _, key := range []string{"org_id", "name", "kind", "village", "founded", "industry", "households"} {
			for _, sort := range []string{key, "-" + key} {
				f := hezuo.OrgFilter{Sort: sort, Day: fxDay, Ended: true, PerPage: 500}
				all, err := db.ListOrgs(ctx, a, f, hezuo.Today(hezuo.China))
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				for _, it := range all.Items {
					want = append(want, it.OrgNo)
				}
				if all.Next != "" || all.Prev != "" || len(want) < 10 {
					t.Fatalf("one page of all %d orgs has cursors %q %q", len(want), all.Prev, all.Next)
				}
				f.PerPage = 3
				fwd, bwd := walkPages(t, func(after, before string) ([]string, string, string) {
					f.After, f.Before = after, before
					l, err := db.ListOrgs(ctx, a, f, hezuo.Today(hezuo.China))
					if err != nil {
						t.Fatal(err)
					}
					var keys []string
					for _, it := range l.Items {
						keys = append(keys, it.OrgNo)
					}
					if l.Total != len(want) {
						t.Errorf("sort %s: total %d, want %d", sort, l.Total, len(want))
					}
					return keys, l.Prev, l.Next
				})
				if !slices.Equal(fwd, want) || !slices.Equal(bwd, want) {
					t.Errorf("sort %s:\n one page  %v\n forwards  %v\n backwards %v", sort, want, fwd, bwd)
				}
				// Page 2 by number equals page 2 by cursor.
				f.After, f.Before, f.Page = "", "", 2
				byNumber, err := db.ListOrgs(ctx, a, f, hezuo.Today(hezuo.China))
				if err != nil || len(byNumber.Items) != 3 || byNumber.Items[0].OrgNo != want[3] || byNumber.Prev == "" || byNumber.Next == "" {
					t.Errorf("sort %s: page 2 by number %+v %v", sort, byNumber, err)
				}
				f.Page = 0
			}
		}
		// A cursor of another sort is ignored: page 1 (by number) again.
		first, err := db.ListOrgs(ctx, a, hezuo.OrgFilter{Sort: "name", Day: fxDay, PerPage: 3}, hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.ListOrgs(ctx, a, hezuo.OrgFilter{Sort: "kind", Day: fxDay, PerPage: 3, After: first.Next}, hezuo.Today(hezuo.China))
		if err != nil || other.Prev != "" {
			t.Errorf("a cursor of another sort was used: %+v %v", other, err)
		}
		if _, err := db.ListOrgs(ctx, a, hezuo.OrgFilter{Day: fxDay, After: "%%not-a-cursor"}, hezuo.Today(hezuo.China)); err != nil {
			t.Errorf("a damaged cursor: %v", err)
		}

		// A province's user (the wide form of visiblePeople and the count
		// cache) sees the county's people as its county administrator does,
		// and a person added is counted at once.
		wide := &hezuo.Access{User: "province", Role: hezuo.RoleCountyAdmin, Scope: hezuo.Scope{Prefix: fxCounty[:2]}}
		countyList, err := db.ListPeople(ctx, a, hezuo.PersonFilter{Day: fxDay, PerPage: 500}, hezuo.Today(hezuo.China))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 2; i++ {
			wideList, err := db.ListPeople(ctx, wide, hezuo.PersonFilter{Day: fxDay, PerPage: 500}, hezuo.Today(hezuo.China))
			if err != nil {
				t.Fatal(err)
			}
			if len(wideList.Items) != wideList.Total || wideList.Total != countyList.Total+i {
				t.Errorf("province user: %d people listed, total %d; the county's %d (+%d added)", len(wideList.Items), wideList.Total, countyList.Total, i)
			}
			load(t, db, &hezuo.Dataset{People: []hezuo.Person{{IDNumber: idNumber(700), Name: "新来的人", Village: fxVB1}}})
		}
		// Past its cap the wide count stops: the cap, marked capped, and
		// the pages still reach every person. At the cap (residents
		// alone not past it) it is exact.
		exact, err := db.ListPeople(ctx, wide, hezuo.PersonFilter{Day: fxDay, PerPage: 500}, hezuo.Today(hezuo.China))
		if err != nil || exact.TotalCapped || exact.Total != len(exact.Items) {
			t.Fatalf("uncapped wide list: total %d capped %v, %d listed, %v", exact.Total, exact.TotalCapped, len(exact.Items), err)
		}
		for _, c := range []struct {
			limit, total int
			capped       bool
		}{{1, 1, true}, {exact.Total - 1, exact.Total - 1, true}, {exact.Total, exact.Total, false}, {exact.Total + 5, exact.Total, false}} {
			l, err := db.ListPeople(ctx, wide, hezuo.PersonFilter{Day: fxDay, PerPage: 500, CountCap: c.limit}, hezuo.Today(hezuo.China))
			if err != nil || l.Total != c.total || l.TotalCapped != c.capped || len(l.Items) != exact.Total {
				t.Errorf("cap %d: total %d capped %v, %d listed (want %d %v, %d): %v", c.limit, l.Total, l.TotalCapped, len(l.Items), c.total, c.capped, exact.Total, err)
			}
		}
		party, err := db.ListPeople(ctx, wide, hezuo.PersonFilter{Day: fxDay, PerPage: 500, Party: true, CountCap: 1}, hezuo.Today(hezuo.China))
		if err != nil || len(party.Items) < 2 || party.Total != 1 || !party.TotalCapped {
			t.Errorf("party members, cap 1: total %d capped %v, %d listed: %v", party.Total, party.TotalCapped, len(party.Items), err)
		}
		// A filter selecting one person: exact, below any cap.
		one, err := db.ListPeople(ctx, wide, hezuo.PersonFilter{Day: fxDay, Q: "新来的人", CountCap: 1}, hezuo.Today(hezuo.China))
		if err != nil || one.Total != 1 || one.TotalCapped || len(one.Items) != 1 {
			t.Errorf("one person, cap 1: total %d capped %v, %d listed: %v", one.Total, one.TotalCapped, len(one.Items), err)
		}
		for _, key := range []string{"name", "village", "birth_date", "id"} {
			for _, sort := range []string{key, "-" + key} {
				for _, orgNo := range []string{"", "A"} {
					f := hezuo.PersonFilter{Sort: sort, OrgNo: orgNo, Day: fxDay, PerPage: 500}
					all, err := db.ListPeople(ctx, a, f, hezuo.Today(hezuo.China))
					if err != nil {
						t.Fatal(err)
					}
					var want []string
					for _, p := range all.Items {
						want = append(want, fmt.Sprint(p.ID, p.Name, p.Orgs, p.PartyStatus))
					}
					f.PerPage = 2
					fwd, bwd := walkPages(t, func(after, before string) ([]string, string, string) {
						f.After, f.Before = after, before
						l, err := db.ListPeople(ctx, a, f, hezuo.Today(hezuo.China))
						if err != nil {
							t.Fatal(err)
						}
						var keys []string
						for _, p := range l.Items {
							keys = append(keys, fmt.Sprint(p.ID, p.Name, p.Orgs, p.PartyStatus))
						}
						return keys, l.Prev, l.Next
					})
					if len(want) < 3 || !slices.Equal(fwd, want) || !slices.Equal(bwd, want) {
						t.Errorf("people sort %s org %q:\n one page  %v\n forwards  %v\n backwards %v", sort, orgNo, want, fwd, bwd)
					}
				}
			}
		}
	})
}
