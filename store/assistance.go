package store

import (
	"context"
	"hezuo"
	"time"
)

// Assistance is the door to the assistance pairings: units with orgs, party members with poor households.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Assistance interface {
	// AssistanceFigures returns the assistance figures of the requested scope
	// on day for a: for division roles those of Stats (the same numbers
	// `hezuo stats` prints); for roles bound to orgs the same counts over the
	// pairings of their orgs.
	AssistanceFigures(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (hezuo.AssistanceStats, error)
	// Units returns the units of a's county or wider scope (the units a
	// pairing form offers), in order of code.
	Units(ctx context.Context, a *hezuo.Access) ([]UnitChoice, error)
	// ListUnitPairings returns one page of the 包村联户 pairings a may see that
	// the filter selects, and their number.
	ListUnitPairings(ctx context.Context, a *hezuo.Access, f AssistanceFilter, today hezuo.Date) ([]UnitPairingRow, int, error)
	// ListHouseholdPairings returns one page of the 结对帮扶 pairings a may see
	// that the filter selects, and their number.
	ListHouseholdPairings(ctx context.Context, a *hezuo.Access, f AssistanceFilter, today hezuo.Date) ([]HouseholdPairingRow, int, error)
	// UnitPairingNames returns, for the 包村联户 pairing with database id, the
	// unit's name and the paired org's (or village's) name, for the question a
	// page asks before ending it. A pairing a may not see is ENOTFOUND.
	UnitPairingNames(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (unit, target string, err error)
	// CreateUnitPairing records a unit's 包村联户 pairing with an org (one a may
	// see: ENOTFOUND beside org_id) or a village (inside a's scope: ENOTFOUND
	// beside village). An unknown unit is EINVALID beside unit; a pairing of the
	// same unit and target overlapping the period is ECONFLICT beside from.
	CreateUnitPairing(ctx context.Context, a *hezuo.Access, up hezuo.UnitPairing, today hezuo.Date, now time.Time) error
	// CreateHouseholdPairing records a party member's 结对帮扶 pairing with a
	// household: an existing one (living inside a's scope: ENOTFOUND beside
	// household) or, when hh is not nil and its number is new, the household
	// hh (its village inside a's scope). The member, found by ID number, must
	// be a party member on the first day (errors beside member); the org, when
	// given, one a may see. An overlapping pairing of the same member and
	// household is ECONFLICT beside from. A new household whose number is
	// blank gets the next of its township's series (HH-222424102-0001,
	// numbers.go).
	CreateHouseholdPairing(ctx context.Context, a *hezuo.Access, hp hezuo.HouseholdPairing, hh *hezuo.Household, today hezuo.Date, now time.Time) error
	// EndUnitPairing ends the 包村联户 pairing with database id on day (it no
	// longer counts that day). A pairing a may not see is ENOTFOUND; one already
	// ended is ECONFLICT; a day not after its start is EINVALID beside to.
	EndUnitPairing(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date, now time.Time) error
	// MarkOutOfPoverty records that household no left poverty on day with
	// peopleOut of its people. The household must live inside a's scope
	// (ENOTFOUND), have been poor (registered or low income), and have been
	// paired with a party member on or before day (EINVALID beside
	// left_poverty_on otherwise: the figures count only households out of
	// poverty after a pairing began); people out lie between 1 and its size
	// (beside people_out).
	MarkOutOfPoverty(ctx context.Context, a *hezuo.Access, no string, day hezuo.Date, peopleOut int, today hezuo.Date, now time.Time) error
}

// AssistanceFilter selects pairings for a list: a scope inside the user's,
// free text (unit, org, village, household head or party member's name),
// only those active on Day, a sort key and a page.
type AssistanceFilter struct {
	Scope   hezuo.Scope
	Q       string
	Active  bool
	Sort    string
	Page    int
	PerPage int
	Day     hezuo.Date
}

// UnitPairingRow is a unit's 包村联户 pairing with an org or a village.
type UnitPairingRow struct {
	ID           int64      `json:"id"`
	UnitCode     string     `json:"unit"`
	UnitName     string     `json:"unit_name"`
	OrgNo        string     `json:"org_id,omitempty"`
	OrgName      string     `json:"org_name,omitempty"`
	Village      string     `json:"village"` // the village paired, else the org's home village
	VillageName  string     `json:"village_name"`
	TownshipName string     `json:"township_name"`
	Note         string     `json:"note,omitempty"`
	From         hezuo.Date `json:"from"`
	To           hezuo.Date `json:"to,omitempty"`
	Active       bool       `json:"active"` // on the list's day
}

// HouseholdPairingRow is a party member's 结对帮扶 pairing with a household.
type HouseholdPairingRow struct {
	ID            int64      `json:"id"`
	PersonID      int64      `json:"person_id"`
	MemberName    string     `json:"member_name"`
	OrgNo         string     `json:"org_id,omitempty"`
	OrgName       string     `json:"org_name,omitempty"`
	Household     string     `json:"household"`
	Head          string     `json:"head"`
	Village       string     `json:"village"`
	VillageName   string     `json:"village_name"`
	Size          int        `json:"size"`
	Poverty       string     `json:"poverty"`
	LeftPovertyOn hezuo.Date `json:"left_poverty_on,omitempty"`
	PeopleOut     int        `json:"people_out"`
	Help          string     `json:"help,omitempty"`
	From          hezuo.Date `json:"from"`
	To            hezuo.Date `json:"to,omitempty"`
	Active        bool       `json:"active"`
}

// UnitChoice is a unit as the pairing form offers it.
type UnitChoice struct {
	Code, Name string
}
