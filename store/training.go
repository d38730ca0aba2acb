package store

import (
	"context"
	"hezuo"
	"time"
)

// Training is the door to the training sessions and who attended.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Training interface {
	// ListTrainings returns one page of the sessions a sees in the requested
	// scope (EFORBIDDEN outside a's) and their number.
	ListTrainings(ctx context.Context, a *hezuo.Access, f TrainingFilter, today hezuo.Date) ([]TrainingItem, int, error)
	// GetTraining returns the session with database id and the attendees a
	// may see, if a sees the session (else ENOTFOUND).
	GetTraining(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (*TrainingDetail, error)
	// TrainingFiguresOf returns the training figures of the sessions a sees in
	// the requested scope held up to day.
	TrainingFiguresOf(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day, today hezuo.Date) (*TrainingFigures, error)
	// TrainingTrend returns, for each year from first to last, the sessions a
	// sees in the requested scope held that year (not after day) and their
	// attendances: the dashboard's platform trend.
	TrainingTrend(ctx context.Context, a *hezuo.Access, req hezuo.Scope, first, last int, day, today hezuo.Date) ([]TrainingYear, error)
	// SaveTraining records a training session (updating the one with the same
	// number) and its attendances, in one transaction with its audit entry,
	// and returns its id. The place must lie in a's scope; attendances at a
	// session dated after today are EINVALID; people by id must be members of
	// OrgNo, an org a reaches, on the day of the session. A blank number is
	// proposed: the next of the place's township's series of the year
	// (PX-222424102-2026-0001, numbers.go), set in in once saved.
	SaveTraining(ctx context.Context, a *hezuo.Access, in *TrainingInput, today hezuo.Date, now time.Time) (_ int64, err error)
}

// TrainingFilter selects training sessions: the requested scope, a text in
// the number or topic, an organizer (unit code), an industry, a mode, a
// period (inclusive; zero: open), a sort key (held_on, no, topic,
// organizer, hours, attendances; "-" descending; default newest first) and
// a page.
type TrainingFilter struct {
	Scope         hezuo.Scope
	Q             string
	Organizer     string
	Industry      string
	Mode          string
	From, To      hezuo.Date
	Sort          string
	Page, PerPage int
}

// TrainingItem is one session as the list shows it, with the attendances
// the user may see.
type TrainingItem struct {
	ID            int64      `json:"id"`
	No            string     `json:"no"`
	HeldOn        hezuo.Date `json:"held_on"`
	Topic         string     `json:"topic"`
	Organizer     string     `json:"organizer"`
	OrganizerName string     `json:"organizer_name"`
	Industry      string     `json:"industry,omitempty"`
	Mode          string     `json:"mode"`
	Hours         int        `json:"hours"`
	Place         string     `json:"place"`
	PlaceName     string     `json:"place_name"`
	Attendances   int        `json:"attendances"`
}

// TrainingAttendee is one person at a session, as a member of an org.
type TrainingAttendee struct {
	PersonID int64  `json:"person_id"`
	Name     string `json:"name"`
	OrgNo    string `json:"org_id,omitempty"`
	OrgName  string `json:"org_name,omitempty"`
}

// TrainingDetail is a session with its attendees.
type TrainingDetail struct {
	TrainingItem
	Attendees []TrainingAttendee `json:"attendees"`
}

// TrainingFigure is the training of one org or one organizer: sessions,
// attendances and distinct people trained.
type TrainingFigure struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Sessions    int    `json:"sessions"`
	Attendances int    `json:"attendances"`
	People      int    `json:"people"`
}

// TrainingFigures are the training figures of a scope on a day: the totals
// (for division roles the same as Stats' training.*), per org of the
// attendees and per organizing unit (department).
type TrainingFigures struct {
	AsOf        hezuo.Date       `json:"as_of"`
	Sessions    int              `json:"sessions"`
	Attendances int              `json:"attendances"`
	People      int              `json:"people"`
	ByOrg       []TrainingFigure `json:"by_org"`
	ByOrganizer []TrainingFigure `json:"by_organizer"`
}

// TrainingYear is the training of one calendar year: sessions held and
// their attendances (those a may see).
type TrainingYear struct {
	Year        int `json:"year"`
	Sessions    int `json:"sessions"`
	Attendances int `json:"attendances"`
}

// TrainingInput is a session to record with its attendances: members of
// org OrgNo by database id (the form's checkboxes), and attendances by ID
// number (the API; resolved as Load resolves them).
type TrainingInput struct {
	hezuo.Training
	OrgNo       string                     `json:"org_id,omitempty"`
	Attendees   []int64                    `json:"person_ids,omitempty"`
	Attendances []hezuo.TrainingAttendance `json:"attendances,omitempty"`
}
