package hezuo

// The records the web application's edit forms read and write: each is a
// registry entity with the version an optimistic check compares (the row's
// version column; a save with another version is ECONFLICT) and the names
// a form shows beside the keys.

// PersonRecord is a person as its edit form needs it: whole ID number and
// phone, the version read, and the party status its steps state today
// (PartyRecordOf).
type PersonRecord struct {
	Person
	Version int         `json:"version"`
	Party   PartyRecord `json:"party"`
}

// MembershipRecord is one membership with its database id (Membership.ID),
// the person's database id and name, the org's name and the version read.
type MembershipRecord struct {
	Membership
	PersonID   int64  `json:"person_id"`
	PersonName string `json:"person_name"`
	OrgName    string `json:"org_name"`
	Version    int    `json:"version"`
}

// PartyOrgRecord is a party organization as its edit form needs it: its
// parent's and manager's numbers, the orgs it covers now, its seat's name
// and the version read.
type PartyOrgRecord struct {
	PartyOrg
	SeatName string `json:"seat_name"`
	Version  int    `json:"version"`
}
