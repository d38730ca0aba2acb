package rules

import (
	"cmp"
	"slices"

	"hezuo"
)

// SortByIDNumber orders f's memberships, party status steps and dispatches
// as the SQL did before ID numbers were sealed (hezuo.Dataset.SortByIDNumber
// says why the store cannot).
func (f *DevFacts) SortByIDNumber() {
	slices.SortStableFunc(f.Memberships, func(a, b hezuo.Membership) int {
		return cmp.Or(cmp.Compare(a.OrgNo, b.OrgNo), cmp.Compare(a.IDNumber, b.IDNumber), a.From.Compare(b.From))
	})
	slices.SortStableFunc(f.PartyStatus, func(a, b hezuo.PartyStatus) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), a.From.Compare(b.From))
	})
	slices.SortStableFunc(f.Dispatches, func(a, b hezuo.Dispatch) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), cmp.Compare(a.OrgNo, b.OrgNo), a.From.Compare(b.From))
	})
}
