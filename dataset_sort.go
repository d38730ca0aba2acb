package hezuo

import (
	"cmp"
	"slices"
)

// SortByIDNumber orders the records of ds that are keyed by ID numbers as
// sqldb's Dump and DumpPlatforms document. The database orders sealed ID
// numbers by nothing meaningful (and their hashes change with every key
// rotation), so a reader that promises an order by ID number sorts here,
// after opening them, in the orders the SQL used before sealing.
func (ds *Dataset) SortByIDNumber() {
	slices.SortStableFunc(ds.People, func(a, b Person) int { return cmp.Compare(a.IDNumber, b.IDNumber) })
	slices.SortStableFunc(ds.Memberships, func(a, b Membership) int {
		return cmp.Or(cmp.Compare(a.OrgNo, b.OrgNo), cmp.Compare(a.IDNumber, b.IDNumber), a.From.Compare(b.From))
	})
	slices.SortStableFunc(ds.PartyStatus, func(a, b PartyStatus) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), a.From.Compare(b.From), cmp.Compare(a.Status, b.Status))
	})
	slices.SortStableFunc(ds.Officers, func(a, b Officer) int {
		return cmp.Or(cmp.Compare(a.PartyOrg, b.PartyOrg), a.From.Compare(b.From), cmp.Compare(a.IDNumber, b.IDNumber), cmp.Compare(a.Role, b.Role))
	})
	slices.SortStableFunc(ds.Instructors, func(a, b Instructor) int { return cmp.Compare(a.IDNumber, b.IDNumber) })
	slices.SortStableFunc(ds.Dispatches, func(a, b Dispatch) int {
		return cmp.Or(cmp.Compare(a.OrgNo, b.OrgNo), a.From.Compare(b.From), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.Guarantors, func(a, b Guarantor) int { return cmp.Compare(a.IDNumber, b.IDNumber) })
	slices.SortStableFunc(ds.HouseholdPairings, func(a, b HouseholdPairing) int {
		return cmp.Or(cmp.Compare(a.Household, b.Household), cmp.Compare(a.IDNumber, b.IDNumber), a.From.Compare(b.From))
	})
	slices.SortStableFunc(ds.ContactLinks, func(a, b ContactLink) int {
		return cmp.Or(cmp.Compare(a.Household, b.Household), cmp.Compare(a.IDNumber, b.IDNumber), a.From.Compare(b.From))
	})
	slices.SortStableFunc(ds.ContactVisits, func(a, b ContactVisit) int {
		return cmp.Or(cmp.Compare(a.Household, b.Household), cmp.Compare(a.IDNumber, b.IDNumber), a.VisitedOn.Compare(b.VisitedOn))
	})
	slices.SortStableFunc(ds.TrainingAttendances, func(a, b TrainingAttendance) int {
		return cmp.Or(cmp.Compare(a.Training, b.Training), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.Guarantees, func(a, b Guarantee) int {
		return cmp.Or(cmp.Compare(a.LoanNo, b.LoanNo), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.MeetingAttendances, func(a, b MeetingAttendance) int {
		return cmp.Or(cmp.Compare(a.PartyOrg, b.PartyOrg), cmp.Compare(a.Kind, b.Kind), a.HeldOn.Compare(b.HeldOn), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.Commitments, func(a, b Commitment) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), cmp.Compare(a.Year, b.Year))
	})
}
