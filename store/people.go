package store

import (
	"context"
	"hezuo"
	"time"
)

// People is the door to the people and their memberships of orgs.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type People interface {
	// ListPeople returns a page of the people a may see that the filter
	// selects, with ID numbers and phones always masked and birth dates reduced
	// to years (a list is not a reason to see them; GetPerson is), and their
	// number (for a prefecture or wider, up to f.CountCap: cappedPeopleCount).
	// Only roles that see whole numbers find a person by one (f.Q). With OrgNo
	// the rows are that org's memberships (current ones on the day unless Ended… see
	// PersonFilter), and an org a may not see is ENOTFOUND.
	ListPeople(ctx context.Context, a *hezuo.Access, f hezuo.PersonFilter, today hezuo.Date) (*hezuo.PersonList, error)
	// GetPerson returns the person key (database id, or whole ID number) if a
	// may see it, with its memberships of orgs a may see. For a role that may
	// see personal data the ID number and phone are whole and the view is
	// written to the audit log; otherwise they are masked, the birth date
	// reduced to its year (PersonItem.Mask), and a key that is not a database
	// id is EFORBIDDEN. A person a may not see is ENOTFOUND.
	GetPerson(ctx context.Context, a *hezuo.Access, key string, now time.Time) (*hezuo.PersonDetail, error)
	// PersonForEdit returns the person with database id, whole, for its edit
	// form: only roles that write, only people they may see (ENOTFOUND
	// otherwise). Showing the whole ID number and phone is written to the
	// audit log.
	PersonForEdit(ctx context.Context, a *hezuo.Access, id int64, now time.Time) (*hezuo.PersonRecord, error)
	// SavePerson creates (p.ID 0) or updates (p.ID the database id, version the
	// version read) the person p as a, in one transaction with its audit entry.
	// Person.Validate checks the ID number (GB 11643) and derives the birth date
	// and sex. Only roles that write; an existing person a may not see is
	// ENOTFOUND, one whose home lies outside a's scope EFORBIDDEN (hezuo
	// reach.go); a new or changed home village is required and must lie in a's
	// scope; a taken ID number or
	// a stale version is ECONFLICT. It returns the id and the new version.
	SavePerson(ctx context.Context, a *hezuo.Access, p *hezuo.Person, version int, now time.Time) (int64, int, error)
	// SavePersonParty is SavePerson that also records the person's party
	// status (nil: left as it is) in the same transaction, with the members
	// import's rules (hezuo.PartyRecord: Validate, then Merge into the stored
	// steps with the probation of the settings); its errors name the fields
	// political_status, joined_party and full_member_since.
	SavePersonParty(ctx context.Context, a *hezuo.Access, p *hezuo.Person, party *hezuo.PartyRecord, version int, now time.Time) (int64, int, error)
	// EndPerson ends, on day, every membership of the person with database id
	// that is current on day in an org a may see (the person left them all:
	// moved away, died). People are never deleted. It returns how many
	// memberships ended.
	EndPerson(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date, now time.Time) (int, error)
	// Memberships returns every membership (current or ended) of the person
	// with database id in orgs a may see, oldest first, with ids and versions
	// for the forms that change them. ID numbers are masked.
	Memberships(ctx context.Context, a *hezuo.Access, personID int64, today hezuo.Date) ([]hezuo.MembershipRecord, error)
	// MembershipForEdit returns the membership with database id for its edit
	// form: only roles that write, only memberships of orgs a may see.
	MembershipForEdit(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*hezuo.MembershipRecord, error)
	// SaveMembership records that a person joined an org (m.ID 0: the person
	// by m.PersonID, one a may see, else by the whole m.IDNumber; the org by
	// m.OrgNo) or changes a
	// membership's role and dates (m.ID the database id, version the version
	// read; person and org stay), in one transaction with its audit entry.
	// Only roles that write, only orgs a may see (ENOTFOUND beside org_id);
	// the period must be valid and must not overlap another membership of the
	// same person in the same org (ECONFLICT). It returns the new version.
	SaveMembership(ctx context.Context, a *hezuo.Access, m *hezuo.MembershipRecord, version int, now time.Time) (int, error)
	// EndMembership ends the membership with database id on day (the person
	// left the org; the row stays), as SaveMembership does with its checks.
	EndMembership(ctx context.Context, a *hezuo.Access, id int64, day hezuo.Date, version int, now time.Time) (int, error)
}
