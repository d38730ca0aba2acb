package hezuo

// PageSize is the number of rows a list page holds unless a filter says otherwise.
const PageSize = 20

// OrgFilter selects orgs for a list: a scope inside the user's, free text
// matched against the 组织编号, name, industry and credit code, a kind, a
// township, whether ended orgs are included, a sort key and a page (from 1).
type OrgFilter struct {
	Scope    Scope
	Q        string
	Kind     string
	Industry string
	Ended    bool   // include dissolved orgs
	Sort     string // "org_id" (default), "name", "kind", "village", "founded"; "-" prefix for descending
	Page     int
	PerPage  int
	Day      Date   // existence is judged on this day (zero: no filter)
	After    string // a cursor (OrgList.Next): the page after that row, read without scanning the earlier ones
	Before   string // a cursor (OrgList.Prev): the page before that row
}

// OrgItem is one row of an org list: the org and its village's and
// township's names.
type OrgItem struct {
	Org
	VillageName  string `json:"village_name"`
	TownshipName string `json:"township_name"`
	Version      int    `json:"version"`
}

// OrgList is one page of orgs and the number of orgs the filter selects.
type OrgList struct {
	Items []OrgItem `json:"items"`
	Total int       `json:"total"`
	Next  string    `json:"next,omitempty"` // cursor of the following page ("" at the end)
	Prev  string    `json:"prev,omitempty"` // cursor of the preceding page ("" on the first)
}

// PersonFilter selects people: members (at any time) of OrgNo when given,
// else every person the user may see; Q matches the name (and the whole ID
// number); Party narrows to current party members, Talent to technical
// talents.
type PersonFilter struct {
	OrgNo   string
	Q       string
	Party   bool
	Talent  bool
	Sort    string // "name" (default), "village", "birth_date" (by birth year: lists mask)
	Page    int
	PerPage int
	Day     Date
	After   string // a cursor (PersonList.Next): the page after that row
	Before  string // a cursor (PersonList.Prev): the page before that row
	// CountCap bounds the count of a list of a prefecture or wider
	// (millions of people): past it, the total is CountCap and
	// PersonList.TotalCapped is set. 0 is PeopleCountCap.
	CountCap int
}

// PeopleCountCap is where the people list of a prefecture or wider stops
// counting: "10000+" is what a list page needs, and counting a province's
// millions of people is not (issue 7).
const PeopleCountCap = 10000

// PersonItem is a person as a list or API shows it; IDNumber and Phone are
// masked unless the role may see them whole, and then BirthDate is zero
// ("") and only BirthYear is shown (ShownBirth). ID is the database id used in
// URLs (/api/people/{id}) so that ID numbers never travel in URLs.
type PersonItem struct {
	ID          int64    `json:"id"`
	IDNumber    string   `json:"id_number"`
	Masked      bool     `json:"masked"`
	Name        string   `json:"name"`
	Sex         string   `json:"sex"`
	BirthDate   Date     `json:"birth_date"`
	BirthYear   int      `json:"birth_year"`
	Village     string   `json:"village,omitempty"`
	Phone       string   `json:"phone,omitempty"`
	PartyStatus string   `json:"party_status,omitempty"`
	Talent      bool     `json:"technical_talent"`
	Leader      bool     `json:"leader"`
	Orgs        []string `json:"orgs"`
	Role        string   `json:"role,omitempty"` // role in the org a list is for
	Joined      Date     `json:"joined,omitempty"`
	Left        Date     `json:"left,omitempty"`
}

// PersonList is one page of people and the number the filter selects:
// when TotalCapped, more than Total (the filter's CountCap).
type PersonList struct {
	Items       []PersonItem `json:"items"`
	Total       int          `json:"total"`
	TotalCapped bool         `json:"total_capped,omitempty"`
	Next        string       `json:"next,omitempty"` // cursor of the following page ("" at the end)
	Prev        string       `json:"prev,omitempty"` // cursor of the preceding page ("" on the first)
}

// PartyOrgItem is a party organization in a list, with the orgs it covers.
type PartyOrgItem struct {
	PartyOrg
	SeatName  string `json:"seat_name"`
	Secretary string `json:"secretary,omitempty"`
}

// InstructorItem is an instructor with its dispatches.
type InstructorItem struct {
	ID           int64      `json:"id"`
	Name         string     `json:"name"`
	Township     string     `json:"township"`
	TownshipName string     `json:"township_name"`
	Unit         string     `json:"unit"`
	Dispatches   []Dispatch `json:"dispatches"`
}

// DivisionItem is a division with the number of orgs whose home lies in it.
type DivisionItem struct {
	Division
	Level string `json:"level"`
	Orgs  int    `json:"orgs"`
}

// OrgDetail is one org with what its page shows: the list row, the number of
// current members, its party organizations, its instructors and its rule
// result.
type OrgDetail struct {
	OrgItem
	Members     int              `json:"members"`
	PartyOrgs   []PartyOrgItem   `json:"party_orgs"`
	Instructors []InstructorItem `json:"instructors"`
	Check       *CheckRow        `json:"-"`
}

// ListFilter selects rows of the smaller registries (party organizations,
// instructors, divisions): a scope inside the user's, free text, a form (of
// party organizations) or level (of divisions), a sort key and a page.
type ListFilter struct {
	Scope   Scope
	Q       string
	Form    string
	Sort    string
	Page    int
	PerPage int
	Day     Date
	// Linked keeps the party organizations linked that day to an existing
	// org in scope (instead of those seated in scope), and the instructors
	// with a dispatch that day to an existing org: the rows the dashboard's
	// party_orgs.* and instructors.dispatched figures count.
	Linked bool
}

// PersonDetail is one person with every membership of an org the user may see.
type PersonDetail struct {
	PersonItem
	Memberships []MembershipItem `json:"memberships"`
}

// MembershipItem is a membership with its org's name.
type MembershipItem struct {
	OrgNo   string `json:"org_id"`
	OrgName string `json:"org_name"`
	Role    string `json:"role,omitempty"`
	Period
}

// TrendPoint is the number of memberships and of party members' memberships
// active on one day (the Stats definitions of members and party_members).
type TrendPoint struct {
	Day          Date `json:"day"`
	Members      int  `json:"members"`
	PartyMembers int  `json:"party_members"`
}
