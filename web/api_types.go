package web

import (
	"hezuo"
	"hezuo/rules"
	"hezuo/store"
)

// The bodies of the JSON API's answers that are not a store type as it is
// (issue 19: typed JSON). Their keys are the contract of cli.md and of the
// API's clients: never rename or drop one. The fields are in the order of
// their keys, so an answer's bytes are those the handlers wrote before,
// from maps; testdata/api_shapes.json pins every answer's shape
// (TestAPIShapes). Errors are errorBody (errors.go).

// assistanceListJSON is GET /api/assistance/units and /api/assistance/households:
// a page of pairings (store.UnitPairingRow or store.HouseholdPairingRow),
// the total of the filter and the assistance figures of `hezuo stats`.
type assistanceListJSON[Row any] struct {
	Figures hezuo.AssistanceStats `json:"figures"`
	Items   []Row                 `json:"items"`
	Total   int                   `json:"total"`
}

// loanQueueJSON is GET /api/loans/queue: the applications waiting on the
// day, ranked by the three priorities, with their reasons.
type loanQueueJSON struct {
	AsOf  string             `json:"as_of"`
	Items []rules.RankedView `json:"items"` // [] when none waits
}

// loanSubsidiesJSON is GET /api/loans/subsidies: one year's interest
// subsidies loan by loan, with the totals in fen.
type loanSubsidiesJSON struct {
	AsOf     string            `json:"as_of"`
	CutFen   int64             `json:"cut_fen"`
	DayBasis int               `json:"day_basis"` // 360 or 365 days in a year of interest
	Items    []loanSubsidyJSON `json:"items"`     // [] when none
	TotalFen int64             `json:"total_fen"`
	Year     int               `json:"year"`
}

// loanSubsidyJSON is one loan's subsidy with its reasons in the request's
// language.
type loanSubsidyJSON struct {
	store.LoanSubsidy
	Reasons []string `json:"reasons"`
}

// loginJSON is POST /api/login: the user signed in and the session's CSRF
// token (the session itself is the cookie).
type loginJSON struct {
	CSRF string      `json:"csrf"`
	User *hezuo.User `json:"user"`
}

// okJSON is {"ok": true}: POST /api/logout.
type okJSON struct {
	OK bool `json:"ok"`
}

// orgListJSON is GET /api/orgs: a page of orgs, the total of the filter
// and the cursors of the pages either side (absent at either end).
type orgListJSON struct {
	Items []orgJSON `json:"items"`
	Next  string    `json:"next,omitempty"`
	Prev  string    `json:"prev,omitempty"`
	Total int       `json:"total"`
}

// pickJSON is GET /api/pick: the records a picker offers.
type pickJSON struct {
	Items []store.PickItem `json:"items"`
}

// meetingListJSON is GET /api/meetings: a page of meetings and the total.
type meetingListJSON struct {
	Items []store.MeetingItem `json:"items"` // [] when none
	Total int                 `json:"total"`
}

// overdueListJSON is GET /api/overdue: every overdue item on the day.
type overdueListJSON struct {
	AsOf  hezuo.Date    `json:"as_of"`
	Items []overdueJSON `json:"items"` // [] when none
	Total int           `json:"total"`
}

// trainingListJSON is GET /api/trainings: a page of sessions, the total
// and the training figures of `hezuo stats`.
type trainingListJSON struct {
	Figures *store.TrainingFigures `json:"figures"`
	Items   []store.TrainingItem   `json:"items"` // [] when none
	Total   int                    `json:"total"`
}

// createdJSON is the 201 of POST /api/meetings and /api/trainings: the
// new (or updated) record's id.
type createdJSON struct {
	ID int64 `json:"id"`
}

// healthJSON is GET /healthz: {"status": "ok"}.
type healthJSON struct {
	Status string `json:"status"`
}

// readyJSON is GET /readyz: "ready" or "unavailable" with the reason; the
// schema version once the database answered, the version wanted when they
// differ, and the database's replication role once it is current.
type readyJSON struct {
	Database      *store.Replication `json:"database,omitempty"`
	Reason        string             `json:"reason,omitempty"`
	SchemaVersion *int               `json:"schema_version,omitempty"`
	Status        string             `json:"status"`
	Want          *int               `json:"want,omitempty"`
}
