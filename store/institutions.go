package store

import (
	"context"
	"hezuo"
	"time"
)

// Institutions is the door to the party organizations' institutions: meetings (三会一课), visits to linked households, and commitments with their fulfilment.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Institutions interface {
	// ListMeetings returns one page of the meetings of the party organizations
	// a reaches in the requested scope (EFORBIDDEN outside a's), and their
	// number.
	ListMeetings(ctx context.Context, a *hezuo.Access, f MeetingFilter, today hezuo.Date) ([]MeetingItem, int, error)
	// GetMeeting returns the meeting with database id and its attendance, if
	// its party organization is within a's reach (else ENOTFOUND).
	GetMeeting(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*MeetingDetail, error)
	// MeetingCounts counts, per party organization a reaches in the requested
	// scope, the meetings by kind held from from to to (inclusive), with their
	// attendances; ordered by township and number.
	MeetingCounts(ctx context.Context, a *hezuo.Access, req hezuo.Scope, from, to, today hezuo.Date) ([]MeetingCount, error)
	// SaveMeeting records a meeting (updating the one of the same party
	// organization, kind and day) and adds its attendances, in one transaction
	// with its audit entry, and returns the meeting's id. An attendance at a
	// meeting dated after today is EINVALID beside held_on.
	SaveMeeting(ctx context.Context, a *hezuo.Access, in *MeetingInput, today hezuo.Date, now time.Time) (int64, error)
	// SaveVisit records a visit of the party member with database id
	// personID to the linked household householdNo, in one transaction with
	// its audit entry. The member must belong to an org a reaches (else
	// ENOTFOUND beside person); a visit after today, or to a household the
	// member is not linked with that day, is EINVALID.
	SaveVisit(ctx context.Context, a *hezuo.Access, personID int64, householdNo string, on hezuo.Date, note string, today hezuo.Date, now time.Time) error
	// ListContacts returns one page of the household links of members of the
	// orgs a reaches in the requested scope that are active on day, and their
	// number.
	ListContacts(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date, page, perPage int) ([]ContactItem, int, error)
	// ListCommitments returns one page of the commitments made in party
	// organizations a reaches in the requested scope, newest year first, and
	// their number.
	ListCommitments(ctx context.Context, a *hezuo.Access, f CommitmentFilter, today hezuo.Date) ([]CommitmentItem, int, error)
	// GetCommitment returns the commitment with database id if its party
	// organization is within a's reach (else ENOTFOUND).
	GetCommitment(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*CommitmentItem, error)
	// SaveCommitment records the yearly commitment of the person with database
	// id personID in party organization c.PartyOrg (updating that person's
	// commitment of the year), with its fulfilment when given, in one
	// transaction with its audit entry. A person who is not a party member of
	// that organization on the day it is made is EINVALID beside person.
	SaveCommitment(ctx context.Context, a *hezuo.Access, personID int64, c *hezuo.Commitment, today hezuo.Date, now time.Time) (int64, error)
	// SaveFulfilment records the assessment (践诺) of the commitment with
	// database id: the day, the result (fulfilled, partly, not) and the
	// evidence, in one transaction with its audit entry.
	SaveFulfilment(ctx context.Context, a *hezuo.Access, id int64, on hezuo.Date, result, evidence string, today hezuo.Date, now time.Time) error
}

// MeetingFilter selects meetings: the requested scope, a party
// organization (number), a kind, a period (inclusive; zero: open), a text
// in the topic or the organization's name, a sort key (held_on, kind,
// party_org, topic, attendances; "-" for descending; default newest first)
// and a page.
type MeetingFilter struct {
	Scope         hezuo.Scope
	PartyOrg      string
	Kind          string
	From, To      hezuo.Date
	Q             string
	Sort          string
	Page, PerPage int
}

// MeetingItem is one meeting as the list shows it.
type MeetingItem struct {
	ID              int64      `json:"id"`
	PartyOrg        string     `json:"party_org"`
	PartyOrgName    string     `json:"party_org_name"`
	Township        string     `json:"township"`
	TownshipName    string     `json:"township_name"`
	Kind            string     `json:"kind"`
	HeldOn          hezuo.Date `json:"held_on"`
	Topic           string     `json:"topic"`
	VillagePartyOrg string     `json:"village_party_org,omitempty"`
	// VillagePartyOrgName is the village party organization's name.
	VillagePartyOrgName string `json:"village_party_org_name,omitempty"`
	Participants        string `json:"participants,omitempty"`
	Decisions           string `json:"decisions,omitempty"`
	Attendances         int    `json:"attendances"`
}

// Attendee is one person at a meeting: a link to the person's page by
// database id, the name, and whether the person's party relation was held
// by another organization that day (dual organizational life).
type Attendee struct {
	PersonID int64  `json:"person_id"`
	Name     string `json:"name"`
	HomeOrg  string `json:"home_party_org,omitempty"`
	Dual     bool   `json:"dual"`
}

// MeetingDetail is a meeting with its attendance list.
type MeetingDetail struct {
	MeetingItem
	Attendees []Attendee `json:"attendees"`
}

// MeetingCount is one party organization's meetings by kind over a period.
type MeetingCount struct {
	PartyOrg     string         `json:"party_org"`
	Name         string         `json:"name"`
	Township     string         `json:"township"`
	TownshipName string         `json:"township_name"`
	Orgs         []string       `json:"orgs"` // the orgs it covers (that a reaches)
	ByKind       map[string]int `json:"by_kind"`
	Total        int            `json:"total"`
	Attendances  int            `json:"attendances"`
}

// CommitmentFilter selects commitments: the requested scope, a year (0:
// all), a party organization (number), Pending for those not yet assessed,
// and a page.
type CommitmentFilter struct {
	Scope         hezuo.Scope
	Year          int
	PartyOrg      string
	Pending       bool
	Page, PerPage int
}

// CommitmentItem is one yearly commitment (党员承诺) and its fulfilment (践诺).
type CommitmentItem struct {
	ID           int64      `json:"id"`
	PersonID     int64      `json:"person_id"`
	Name         string     `json:"name"`
	PartyOrg     string     `json:"party_org"`
	PartyOrgName string     `json:"party_org_name"`
	Year         int        `json:"year"`
	MadeOn       hezuo.Date `json:"made_on"`
	Content      string     `json:"content"`
	FulfilledOn  hezuo.Date `json:"fulfilled_on,omitempty"`
	Result       string     `json:"result,omitempty"`
	Evidence     string     `json:"evidence,omitempty"`
}

// ContactItem is a party member's link to a household (党员联系户), with
// the visits up to the day.
type ContactItem struct {
	PersonID  int64      `json:"person_id"`
	Name      string     `json:"name"`
	Household string     `json:"household"`
	Head      string     `json:"head"`
	From      hezuo.Date `json:"from"`
	To        hezuo.Date `json:"to,omitempty"`
	Visits    int        `json:"visits"`
	LastVisit hezuo.Date `json:"last_visit,omitempty"`
}

// MeetingInput is a meeting to record with its attendance: people by
// database id (the form's checkboxes) and by ID number (the API; resolved
// as Load resolves them).
type MeetingInput struct {
	hezuo.Meeting
	Attendees []int64  `json:"person_ids,omitempty"`
	IDNumbers []string `json:"id_numbers,omitempty"`
}
