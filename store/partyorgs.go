package store

import (
	"context"
	"hezuo"
	"time"
)

// PartyOrgs is the door to the party organizations: their members, officers (posts), elections, transfers of a member in, and the instructors dispatched to orgs.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type PartyOrgs interface {
	// ListPartyOrgs returns a page of the party organizations a may see: those
	// seated in its scope (for division roles) or covering an org it may see,
	// active on the filter's day, and their number; sorted by f.Sort (no,
	// name, form, seat, founded; "-" for descending).
	ListPartyOrgs(ctx context.Context, a *hezuo.Access, f hezuo.ListFilter, today hezuo.Date) ([]hezuo.PartyOrgItem, int, error)
	// PartyOrgForEdit returns the party organization no for its edit form: only
	// roles that write, only those seated in their scope (ENOTFOUND otherwise).
	// The orgs it covers are those linked on today (see partyOrgRecord).
	PartyOrgForEdit(ctx context.Context, a *hezuo.Access, no string, today hezuo.Date) (*hezuo.PartyOrgRecord, error)
	// SavePartyOrg creates (version 0) or updates (version = the version read)
	// the party organization p as a, in one transaction with its audit entry.
	// Only roles that write; the seat must lie in a's scope (an existing one
	// seated outside is ENOTFOUND), the parent and manager must be party
	// organizations of the seat's county, and every org added to or removed
	// from its cover must be one a may see. Links to the orgs are dated facts:
	// on update, orgs added are covered from effective (not before p.From), orgs
	// removed stop being covered on effective, and when p ends every link ends
	// with it. A taken number or a stale version is ECONFLICT. It returns the
	// new version. A new one whose number is blank gets the next of its seat's
	// township's series (DZZ-222424102-0001, numbers.go), set in p once saved.
	SavePartyOrg(ctx context.Context, a *hezuo.Access, p *hezuo.PartyOrg, version int, effective hezuo.Date, now time.Time) (_ int, err error)
	// EndPartyOrg ends the party organization no on day (it and its links to
	// orgs stop counting from that day; nothing is deleted), as SavePartyOrg
	// does with its checks.
	EndPartyOrg(ctx context.Context, a *hezuo.Access, no string, day hezuo.Date, version int, now time.Time) (int, error)
	// PartyOrgMembers returns the people who are, on day, full or probationary
	// party members of the party organization no (its own, or members of an
	// org it covers), if a reaches it (else ENOTFOUND): the attendance list and
	// commitment forms offer them.
	PartyOrgMembers(ctx context.Context, a *hezuo.Access, no string, day, today hezuo.Date) ([]Attendee, error)
	// PartyOrgOfficers returns the posts of the party organization no, in
	// office on day first (by post), then the past ones (latest first), for its
	// edit page: only roles that write, only organizations seated in a's scope
	// (ENOTFOUND otherwise). ID numbers are masked.
	PartyOrgOfficers(ctx context.Context, a *hezuo.Access, no string, day hezuo.Date) ([]hezuo.OfficerItem, error)
	// StartPost records o (the person by ID number, the post, From; To may be
	// zero) as a, in one transaction with its audit entry. Only roles that
	// write; the party organization must be seated in a's scope and the person
	// one a may see (both ENOTFOUND otherwise, alike for a missing record);
	// the post is checked as an import's is (hezuo.Officer.Validate and
	// CheckPost, EINVALID beside the field); a post of the same key is
	// ECONFLICT.
	StartPost(ctx context.Context, a *hezuo.Access, o *hezuo.Officer, now time.Time) error
	// EndPost ends on day (the first day no longer in office) the post with
	// database id of the party organization no, as a, in one transaction with
	// its audit entry. Only roles that write, only organizations seated in a's
	// scope (ENOTFOUND, as for a post of another organization); a post already
	// ended is ECONFLICT (ending is the one change, and it happens once); day
	// must be after the start (EINVALID beside "to").
	EndPost(ctx context.Context, a *hezuo.Access, no string, id int64, day hezuo.Date, now time.Time) error
	// RegisterElection records an election (换届) of the party organization no,
	// held on e.On, as a: a role that writes, the party organization seated in
	// a's scope (ENOTFOUND otherwise, as for its edit form) and version the
	// version read (ECONFLICT when stale). The day must lie within the party
	// organization's life and not after today; one already recorded is
	// ECONFLICT. The latest election becomes its ElectedOn; an earlier one
	// fills in its history. One transaction with its audit entry (an update of
	// the party organization, its elections before and after); the summaries
	// are refreshed in it. It returns the new version.
	RegisterElection(ctx context.Context, a *hezuo.Access, no string, e hezuo.Election, version int, now time.Time) (int, error)
	// VillagePartyOrgOf returns the number of the village party organization a
	// joint meeting of party organization no is held with by default: the one
	// seated on day in the village of the first org (by number) no covers that
	// day; "" when there is none. A party organization a may not reach is
	// ENOTFOUND.
	VillagePartyOrgOf(ctx context.Context, a *hezuo.Access, no string, day, today hezuo.Date) (string, error)
	// PersonParty returns the party standing today of the person with
	// database id, if a may see the person (ENOTFOUND otherwise): the person
	// page shows it.
	PersonParty(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (PartyStanding, error)
	// TransferSubject returns the name of the person with database id and the
	// party record their steps state today, for the transfer-in form: only
	// roles that write, only people a may see (ENOTFOUND otherwise).
	TransferSubject(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (string, hezuo.PartyRecord, error)
	// TransferInParty records t as a, in one transaction with its audit entry
	// and the summary refresh: the member's party status steps are made to say
	// what t.Party says (hezuo.PartyRecord's Validate and Merge, the person
	// form's and the members import's rules; the status only moves forward),
	// and from t.On the party organization t.PartyOrg holds the relation: the
	// step current on t.On is split there, it and every later step name the
	// receiving organization. Only roles that write; the person must lie in a's
	// scope (hezuo.Access.MayWriteAt: their home, else their orgs' villages)
	// and so must the receiving organization's seat — a township officer
	// transfers only into their township's party organizations. A person or
	// party organization out of reach gets the answer of a missing one.
	// Errors name the form's fields (id_number, political_status,
	// joined_party, full_member_since, party_org, transfer_on, origin). It
	// returns the person's database id.
	TransferInParty(ctx context.Context, a *hezuo.Access, t PartyTransferIn, now time.Time) (int64, error)
	// ListInstructors returns a page of the instructors a may see: those sent
	// by a township in its scope (division roles) or dispatched to an org it may
	// see, and their number; sorted by f.Sort (township, name, unit).
	ListInstructors(ctx context.Context, a *hezuo.Access, f hezuo.ListFilter, today hezuo.Date) ([]hezuo.InstructorItem, int, error)
	// StartDispatch sends the instructor with database id instructorID to the
	// org orgNo for period p (To may be zero), in one transaction with its audit
	// entry. Only roles that write; the org must be one a may see and the
	// instructor one sent by a township in a's scope; the period must not
	// overlap another dispatch of the same instructor to the same org, and the
	// instructor may carry no more than instructor_max_orgs orgs on p.From
	// (ECONFLICT).
	StartDispatch(ctx context.Context, a *hezuo.Access, instructorID int64, orgNo string, p hezuo.Period, now time.Time) error
	// EndDispatch ends on day the dispatch of the instructor with database id
	// instructorID to org orgNo that began on from (the dispatches' key), in
	// one transaction with its audit entry. Only roles that write, only orgs a
	// may see (ENOTFOUND); a dispatch already ended is ECONFLICT (dispatches
	// carry no version: ending is the one change, and it happens once).
	EndDispatch(ctx context.Context, a *hezuo.Access, instructorID int64, orgNo string, from, day hezuo.Date, now time.Time) error
}

// PartyTransferIn is a 组织关系转入: a party member (the person with
// database id Person, or, when Person is 0, the one with ID number
// IDNumber) whose party relation moves on On into the party organization
// PartyOrg (its number), from Origin (free text: the sending organization
// as its 介绍信 names it). Party is the member's standing as the 介绍信
// states it (中共党员 or 中共预备党员, 入党日期, 转正日期).
type PartyTransferIn struct {
	Person   int64
	IDNumber string
	Party    hezuo.PartyRecord
	PartyOrg string
	On       hezuo.Date
	Origin   string
}

// Form fields of a transfer-in besides the party record's.
const (
	FieldTransferPartyOrg = "party_org"
	FieldTransferOn       = "transfer_on"
	FieldTransferOrigin   = "origin"
)

// PartyStanding is a person's party record on a day with the party
// organization holding their relation then (组织关系所在), when known.
type PartyStanding struct {
	hezuo.PartyRecord
	HomeNo, HomeName string
}
