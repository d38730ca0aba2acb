package hezuo

import "time"

// Audit actions.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionEnd    = "end"    // an org dissolved, a membership ended
	ActionView   = "view"   // unmasked personal data shown
	ActionLogin  = "login"  // a sign-in (successful or refused)
	ActionUser   = "user"   // a user created, disabled, its password reset
	ActionExport = "export" // a list exported with personal data
)

// AuditEntry is one line of the audit log: who did what to which record
// when, with the record before and after (JSON) for changes.
type AuditEntry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	User     string    `json:"user"`
	Role     string    `json:"role"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"` // "org", "person", "user", "session"
	Key      string    `json:"key"`    // the record's natural key (组织编号, masked ID number, user name)
	Division string    `json:"division"`
	Before   string    `json:"before,omitempty"`
	After    string    `json:"after,omitempty"`
	Note     string    `json:"note,omitempty"`
}

// AuditFilter selects audit entries: free text in user, key and note; an
// action; an entity; a time range [From, To); a page (from 1).
type AuditFilter struct {
	Q       string
	User    string
	Action  string
	Entity  string
	From    time.Time
	To      time.Time
	Page    int
	PerPage int
}
