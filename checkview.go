package hezuo

// CheckView is a CheckRow with its reasons in one language: the JSON object
// of `hezuo check --format json` and GET /api/check.
type CheckView struct {
	CheckFacts
	Reasons     []string `json:"reasons"`
	Warnings    []string `json:"warnings"`
	Suggestions []string `json:"suggestions"`
}

// View returns the row with reasons, warnings and suggestions in lang.
func (r CheckRow) View(lang string) CheckView {
	f := r.CheckFacts
	f.PartyOrgs = nonNil(f.PartyOrgs)
	return CheckView{CheckFacts: f, Reasons: texts(r.Reasons, lang), Warnings: texts(r.Warnings, lang), Suggestions: texts(r.Suggestions, lang)}
}

func texts(rs []Reason, lang string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text(lang)
	}
	return out
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// Names of required forms, actual forms and statuses in Chinese.
var (
	RequiredNames = map[string]string{"own_org": "单独建立党组织", "group_or_joint": "党小组或联合支部", "instructor": "派驻指导员", "none": "无"}
	ActualNames   = map[string]string{"branch": "党支部", "general_branch": "党总支", "committee": "党委", "joint_branch": "联合党支部", "party_group": "产业党小组", "instructor": "党建工作指导员", "none": "无"}
	StatusLabels  = map[string]string{"ok": "正常", "should_build": "应建未建", "uncovered": "空白点"}
	LevelNames    = map[string]string{"village": "村党组织", "township": "乡镇党委", "department": "涉农部门党组织", "undecided": "待共同上级组织部门确定"}
)

// UnknownPartyDate is a party member counted on a day without knowing since
// when: 政治面貌 was stated without 入党日期, so the step starts on a
// stand-in (PartyStatus.FromUnknown), CountedFrom. OrgNo and OrgName are an
// org the person is a member of that day (the first by number). The check
// page and the report list them as data-quality findings.
type UnknownPartyDate struct {
	PersonID    int64  `json:"-"`
	Name        string `json:"name"`
	Status      string `json:"status"` // StatusFull or StatusProbationary
	CountedFrom Date   `json:"counted_from"`
	OrgNo       string `json:"org_id"`
	OrgName     string `json:"org_name"`
}

// Check lists: every org, those of status ok, and the orgs each coverage
// figure counts. The web check page, its download and `hezuo check
// --status` filter with these names.
const (
	ListAll         = "all"
	ListOK          = "ok"
	ListShouldBuild = "should_build" // coverage.should_build_not_built, blank spots that must build included
	ListUncovered   = "uncovered"    // coverage.uncovered
	// The coverage classes (CheckFacts.Coverage) besides uncovered, and
	// the orgs whose party organization is due for re-election.
	ListOwnOrg         = "own_org"         // coverage.own_org
	ListJointOrGroup   = "joint_or_group"  // coverage.joint_or_group
	ListInstructorOnly = "instructor_only" // coverage.instructor_only
	ListTermDue        = "term_due"        // 换届到期 (CheckFacts.TermDue)
	ListInstructor     = "instructor"      // an instructor dispatched (instructors.orgs_covered)
)

// Lists are the check lists in the order pages offer them.
var Lists = []string{ListAll, ListOK, ListUncovered, ListShouldBuild, ListInstructorOnly, ListTermDue, ListOwnOrg, ListJointOrGroup, ListInstructor}

// ValidList reports whether list names a check list.
func ValidList(list string) bool {
	for _, l := range Lists {
		if list == l {
			return true
		}
	}
	return false
}

// InList reports whether the org belongs in the check list named list: all
// orgs for ListAll, status ok for ListOK, and for ListShouldBuild and
// ListUncovered exactly the orgs the figures should_build_not_built and
// uncovered count (so the 应建未建 list holds the blank spots that must
// build, whose status is "uncovered"); for the coverage classes the orgs of
// that class, and for ListTermDue those whose party organization is due for
// re-election, for ListInstructor those with an instructor. No org is in an unknown list.
func (f CheckFacts) InList(list string) bool {
	switch list {
	case ListAll:
		return true
	case ListOK:
		return f.Status == "ok"
	case ListShouldBuild:
		return f.ShouldBuildNotBuilt
	case ListUncovered:
		return f.Uncovered
	case ListOwnOrg, ListJointOrGroup, ListInstructorOnly:
		return f.Coverage == list
	case ListTermDue:
		return f.TermDue
	case ListInstructor:
		return f.Instructor
	}
	return false
}
