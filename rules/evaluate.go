package rules

import "hezuo"

// Required forms: what party organization an org must have.
const (
	RequiredOwnOrg       = "own_org"        // its own branch (or larger)
	RequiredGroupOrJoint = "group_or_joint" // a party group or a joint branch
	RequiredInstructor   = "instructor"     // an instructor (no party members)
	RequiredNone         = "none"           // the org does not exist on the day
)

// Actual forms besides the party organization forms hezuo.FormBranch,
// FormGeneralBranch, FormCommittee, FormJointBranch and FormPartyGroup.
const (
	ActualInstructor = "instructor"
	ActualNone       = "none"
)

// Statuses of coverage.
const (
	StatusOK          = "ok"
	StatusShouldBuild = "should_build" // 应建未建
	StatusUncovered   = "uncovered"    // 空白点
)

// ManagerDepartment is the level of a manager that is an agriculture-related
// department; the other levels are hezuo.LevelVillage and hezuo.LevelTownship.
const ManagerDepartment = "department"

// ManagerUndecided is the level of the manager of an org spanning villages
// of several counties: undecided (code "") until the common higher
// organization department fixes its affiliation.
const ManagerUndecided = "undecided"

// Rule identifiers of reasons that no single setting decides.
const (
	RuleActive              = "org_active"           // the org exists on the day
	RuleRegistration        = "registration"         // unregistered orgs never must build their own
	RuleInstructor          = "instructor"           // no party members: an instructor (work coverage)
	RuleInstructorDeveloped = "instructor_developed" // the instructor brought the first members
	RuleCoverage            = "coverage"             // covered, blank spot
	RuleManager             = "managed_by"           // who manages the org
	RuleDepartmentUnmapped  = "department_unmapped"  // industry without a department
	RuleManagerUndecided    = "managed_by_undecided" // across counties: the common higher department decides
	RuleSecretary           = "secretary"            // secretary recorded
	RuleSecretaryLeader     = "secretary_leader"     // secretary is 致富能手 or 技术骨干
)

// Facts is what the rules need to know about one org on one day. The store
// computes them from the records; `hezuo evaluate` reads them from JSON.
type Facts struct {
	OrgID, Name, Kind   string     // kind: hezuo.KindCooperative, KindAssociation or KindUnion
	Active              bool       // the org exists on the day
	Registered          bool       // registered on the day
	FullMembers         int        // full party members among its active members on the day
	ProbationaryMembers int        // probationary party members among them
	Village             string     // 12-digit home village
	Villages            []string   // every village spanned, home included or not; duplicates are ignored
	Industry            string     // e.g. "黑木耳"; selects the department of a cross-township org
	Covers              []Cover    // active party organizations covering the org on the day
	Instructor          bool       // an instructor is dispatched to it on the day
	InstructorDeveloped int        // party members admitted during a dispatch, up to the day
	Secretary           *Secretary // secretary of its own or joint organization; nil when none recorded
	Officers            []Officer  // leading members of the covering organizations on the day (officers.go)
}

// Cover is a party organization covering an org. Units counts the orgs and
// villages it covers; FullMembers its full members in total, or -1 when
// unknown (a joint branch with a village party organization, 村会联合, whose
// members the registry does not hold). TermYears 0
// means the settings' default for the form. Villages and Industries, for a
// joint branch, are the distinct home villages of the orgs it covers (and
// the villages it covers itself) and their distinct non-empty industries,
// sorted: the check of 地域相邻、行业相近 reads them.
type Cover struct {
	No, Name, Form string
	Units          int
	FullMembers    int
	HasCommittee   bool
	ElectedOn      hezuo.Date
	TermYears      int
	Villages       []string
	Industries     []string
}

// Secretary is the secretary of an org's own or joint party organization.
// IsLeader reports whether the person is a 致富能手 or 技术骨干.
type Secretary struct {
	Name     string
	IsLeader bool
}

// Env is what the rules read besides the facts. A zero Settings means
// Defaults. Departments maps industries to departments (nil: none mapped).
// Names, when not nil, returns the name of a code or "" when unknown: a
// 12-digit village, a 9-digit township (tried again padded to 12 digits) or
// a department code whose Department has no Name.
type Env struct {
	Settings    Settings
	Departments DepartmentMap
	Names       func(code string) string
}

// Reason is one sentence of a determination, in Chinese and English, citing
// its rule. Rule is a settings key (Key*) or a rule identifier (Rule*).
type Reason = hezuo.Reason

// Texts returns the texts of rs in lang.
func Texts(rs []Reason, lang string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text(lang)
	}
	return out
}

// Manager is the party organization that builds and manages an org's party
// organization: Level is hezuo.LevelVillage (Code 12 digits),
// hezuo.LevelTownship (9 digits), ManagerDepartment (a department code, ""
// when the industry has none) or ManagerUndecided (Code "": villages in
// several counties). The zero Manager means unknown.
type Manager = hezuo.Manager

// Determination is the rules' verdict on one org on one day. Reasons explain
// Required, Actual, Status and ManagedBy, in that order, at least one each;
// Warnings are irregularities to fix; Suggestions are allowed improvements.
type Determination struct {
	Required    string   `json:"required"`
	Actual      string   `json:"actual"`
	Status      string   `json:"status"`
	ManagedBy   Manager  `json:"managed_by"`
	Reasons     []Reason `json:"reasons"`
	Warnings    []Reason `json:"warnings"`
	Suggestions []Reason `json:"suggestions"`
}

// All returns the reasons, then the warnings, then the suggestions.
func (d Determination) All() []Reason {
	out := make([]Reason, 0, len(d.Reasons)+len(d.Warnings)+len(d.Suggestions))
	out = append(out, d.Reasons...)
	out = append(out, d.Warnings...)
	return append(out, d.Suggestions...)
}

// Evaluate applies the rules to the facts of one org on day. It is pure:
// the same input always gives the same determination.
func Evaluate(f Facts, day hezuo.Date, env Env) Determination {
	e := &evaluator{f: f, day: day, env: env, s: env.Settings}
	if e.s == (Settings{}) {
		e.s = Defaults()
	}
	e.required()
	e.actual()
	e.status()
	e.manager()
	if f.Active {
		e.checkCovers()
		e.checkSecretary()
		e.suggestSize()
	} else {
		e.d.Warnings, e.d.Suggestions = nil, nil
	}
	// Empty lists rather than nil, so JSON shows [] not null.
	if e.d.Warnings == nil {
		e.d.Warnings = []Reason{}
	}
	if e.d.Suggestions == nil {
		e.d.Suggestions = []Reason{}
	}
	return e.d
}

// evaluator carries one evaluation; its methods fill d in order.
type evaluator struct {
	f   Facts
	day hezuo.Date
	env Env
	s   Settings
	d   Determination
	top *Cover // the strongest cover, nil when none
}

func (e *evaluator) reason(rule, zh, en string) {
	e.d.Reasons = append(e.d.Reasons, Reason{Rule: rule, ZH: zh, EN: en})
}

func (e *evaluator) warn(rule, zh, en string) {
	e.d.Warnings = append(e.d.Warnings, Reason{Rule: rule, ZH: zh, EN: en})
}

func (e *evaluator) suggest(rule, zh, en string) {
	e.d.Suggestions = append(e.d.Suggestions, Reason{Rule: rule, ZH: zh, EN: en})
}
