package plan

import "hezuo"

// JointView is a JointPlan with its reasons in one language: the JSON of
// `hezuo plan joint-branches --format json`. Branches and Unplaced (org
// numbers) are cli.md's fixed keys; the rest is added.
type JointView struct {
	Scope           string         `json:"scope,omitempty"`
	AsOf            string         `json:"as_of,omitempty"`
	Branches        []BranchView   `json:"branches"`
	Unplaced        []string       `json:"unplaced"`
	UnplacedReasons []UnplacedView `json:"unplaced_reasons"`
	Townships       []Area         `json:"townships"`
}

// BranchView is a Branch in one language.
type BranchView struct {
	Orgs             []string `json:"orgs"`
	FullPartyMembers int      `json:"full_party_members"`
	Township         string   `json:"township"`
	TownshipName     string   `json:"township_name,omitempty"`
	OrgNames         []string `json:"org_names"`
	Seat             string   `json:"seat"`
	Industries       []string `json:"industries"`
	Villages         []string `json:"villages"`
	Reasons          []string `json:"reasons"`
}

// UnplacedView is an Unplaced org in one language.
type UnplacedView struct {
	OrgNo            string `json:"org_id"`
	Name             string `json:"name"`
	Township         string `json:"township"`
	FullPartyMembers int    `json:"full_party_members"`
	Reason           string `json:"reason"`
}

// View returns the plan with its reasons in lang ("zh" or "en").
func (p *JointPlan) View(lang string) JointView {
	v := JointView{Branches: []BranchView{}, Unplaced: []string{}, UnplacedReasons: []UnplacedView{}, Townships: p.Areas}
	if v.Townships == nil {
		v.Townships = []Area{}
	}
	for _, b := range p.Branches {
		v.Branches = append(v.Branches, b.View(lang))
	}
	for _, u := range p.Unplaced {
		v.Unplaced = append(v.Unplaced, u.OrgNo)
		v.UnplacedReasons = append(v.UnplacedReasons, u.View(lang))
	}
	return v
}

// View returns the branch with its reasons in lang.
func (b Branch) View(lang string) BranchView {
	return BranchView{Orgs: b.Orgs, FullPartyMembers: b.FullMembers, Township: b.Township, TownshipName: b.TownshipName,
		OrgNames: b.Names, Seat: b.Seat, Industries: b.Industries, Villages: b.Villages, Reasons: texts(b.Reasons, lang)}
}

// View returns the unplaced org with its reason in lang.
func (u Unplaced) View(lang string) UnplacedView {
	return UnplacedView{OrgNo: u.OrgNo, Name: u.Name, Township: u.Township, FullPartyMembers: u.FullMembers, Reason: u.Reason.Text(lang)}
}

func texts(rs []hezuo.Reason, lang string) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text(lang)
	}
	return out
}

// InstructorView is an InstructorPlan in one language: the JSON of `hezuo
// plan instructors --format json`. Instructors' ID numbers are masked.
type InstructorView struct {
	Scope             string         `json:"scope,omitempty"`
	AsOf              string         `json:"as_of,omitempty"`
	Dispatches        []DispatchView `json:"dispatches"`
	Unassigned        []string       `json:"unassigned"`
	UnassignedReasons []UnplacedView `json:"unassigned_reasons"`
	Instructors       []Load         `json:"instructors"`
}

// DispatchView is a Dispatch in one language.
type DispatchView struct {
	OrgNo        string `json:"org_id"`
	OrgName      string `json:"org_name"`
	Township     string `json:"township"`
	Instructor   string `json:"instructor"`
	InstructorID string `json:"instructor_id_number"` // masked
	Distance     int    `json:"distance"`
	Reason       string `json:"reason"`
}

// View returns the plan with its reasons in lang.
func (p *InstructorPlan) View(lang string) InstructorView {
	v := InstructorView{Dispatches: []DispatchView{}, Unassigned: []string{}, UnassignedReasons: []UnplacedView{}, Instructors: p.Loads}
	if v.Instructors == nil {
		v.Instructors = []Load{}
	}
	for _, d := range p.Dispatches {
		v.Dispatches = append(v.Dispatches, DispatchView{OrgNo: d.OrgNo, OrgName: d.OrgName, Township: d.Township,
			Instructor: d.InstructorName, InstructorID: hezuo.MaskIDNumber(d.IDNumber), Distance: d.Distance, Reason: d.Reason.Text(lang)})
	}
	for _, u := range p.Unassigned {
		v.Unassigned = append(v.Unassigned, u.OrgNo)
		v.UnassignedReasons = append(v.UnassignedReasons, u.View(lang))
	}
	return v
}
