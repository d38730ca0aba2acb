package sqldb

import (
	"cmp"
	"slices"

	"hezuo"
	"hezuo/rules"
)

// The database orders sealed ID numbers by nothing meaningful (and their
// hashes change with every key rotation), so readers that promise an order
// by ID number sort in Go after opening them.

func cmpDate(a, b hezuo.Date) int {
	switch {
	case a.Before(b):
		return -1
	case b.Before(a):
		return 1
	}
	return 0
}

// sortDump orders the records of ds that are keyed by ID numbers as Dump
// and DumpPlatforms document (the same orders the SQL used before sealing).
func sortDump(ds *hezuo.Dataset) {
	slices.SortStableFunc(ds.People, func(a, b hezuo.Person) int { return cmp.Compare(a.IDNumber, b.IDNumber) })
	slices.SortStableFunc(ds.Memberships, func(a, b hezuo.Membership) int {
		return cmp.Or(cmp.Compare(a.OrgNo, b.OrgNo), cmp.Compare(a.IDNumber, b.IDNumber), cmpDate(a.From, b.From))
	})
	slices.SortStableFunc(ds.PartyStatus, func(a, b hezuo.PartyStatus) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), cmpDate(a.From, b.From), cmp.Compare(a.Status, b.Status))
	})
	slices.SortStableFunc(ds.Officers, func(a, b hezuo.Officer) int {
		return cmp.Or(cmp.Compare(a.PartyOrg, b.PartyOrg), cmpDate(a.From, b.From), cmp.Compare(a.IDNumber, b.IDNumber), cmp.Compare(a.Role, b.Role))
	})
	slices.SortStableFunc(ds.Instructors, func(a, b hezuo.Instructor) int { return cmp.Compare(a.IDNumber, b.IDNumber) })
	slices.SortStableFunc(ds.Dispatches, func(a, b hezuo.Dispatch) int {
		return cmp.Or(cmp.Compare(a.OrgNo, b.OrgNo), cmpDate(a.From, b.From), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.Guarantors, func(a, b hezuo.Guarantor) int { return cmp.Compare(a.IDNumber, b.IDNumber) })
	slices.SortStableFunc(ds.HouseholdPairings, func(a, b hezuo.HouseholdPairing) int {
		return cmp.Or(cmp.Compare(a.Household, b.Household), cmp.Compare(a.IDNumber, b.IDNumber), cmpDate(a.From, b.From))
	})
	slices.SortStableFunc(ds.ContactLinks, func(a, b hezuo.ContactLink) int {
		return cmp.Or(cmp.Compare(a.Household, b.Household), cmp.Compare(a.IDNumber, b.IDNumber), cmpDate(a.From, b.From))
	})
	slices.SortStableFunc(ds.ContactVisits, func(a, b hezuo.ContactVisit) int {
		return cmp.Or(cmp.Compare(a.Household, b.Household), cmp.Compare(a.IDNumber, b.IDNumber), cmpDate(a.VisitedOn, b.VisitedOn))
	})
	slices.SortStableFunc(ds.TrainingAttendances, func(a, b hezuo.TrainingAttendance) int {
		return cmp.Or(cmp.Compare(a.Training, b.Training), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.Guarantees, func(a, b hezuo.Guarantee) int {
		return cmp.Or(cmp.Compare(a.LoanNo, b.LoanNo), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.MeetingAttendances, func(a, b hezuo.MeetingAttendance) int {
		return cmp.Or(cmp.Compare(a.PartyOrg, b.PartyOrg), cmp.Compare(a.Kind, b.Kind), cmpDate(a.HeldOn, b.HeldOn), cmp.Compare(a.IDNumber, b.IDNumber))
	})
	slices.SortStableFunc(ds.Commitments, func(a, b hezuo.Commitment) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), cmp.Compare(a.Year, b.Year))
	})
}

// sortDevelopment orders development facts as the SQL did before sealing.
func sortDevelopment(f *rules.DevFacts) {
	slices.SortStableFunc(f.Memberships, func(a, b hezuo.Membership) int {
		return cmp.Or(cmp.Compare(a.OrgNo, b.OrgNo), cmp.Compare(a.IDNumber, b.IDNumber), cmpDate(a.From, b.From))
	})
	slices.SortStableFunc(f.PartyStatus, func(a, b hezuo.PartyStatus) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), cmpDate(a.From, b.From))
	})
	slices.SortStableFunc(f.Dispatches, func(a, b hezuo.Dispatch) int {
		return cmp.Or(cmp.Compare(a.IDNumber, b.IDNumber), cmp.Compare(a.OrgNo, b.OrgNo), cmpDate(a.From, b.From))
	})
}
