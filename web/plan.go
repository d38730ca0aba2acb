package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"hezuo"
	"hezuo/plan"
	"hezuo/store"
)

// The planners: joint branches and instructors to propose and accept.
var _ = addArea(area{Nav: "plan", Path: "/plan", Texts: "plans", ID: "nav-plan", At: 150, Sees: Page.SeesPlans})

// SeesPlans tells the layout whether to link the plan page: roles whose
// reach is a whole division (the store refuses the others).
func (p Page) SeesPlans() bool { return p.User != nil && p.User.Access().ByDivision() }

// planView is the plan page of one township (or, for a wider scope with no
// township chosen, the townships to choose from with what each has to plan).
type planView struct {
	Page
	Township  string
	TownName  string
	Townships []planTown
	Joint     jointEdit
	Ins       insEdit
}

// planTown is one township of the overview.
type planTown struct {
	Code, Name        string
	Joint, Instructor int
}

// jointEdit is the joint-branch proposal as the page edits it: every org
// has a branch number (0 = not placed); the selects offer 1..Choices.
type jointEdit struct {
	Branches []branchEdit
	Unplaced []orgEdit
	Choices  []int
	Error    string
	Checked  bool // the edit was checked and holds
}

// branchEdit is one proposed branch with its orgs and reasons.
type branchEdit struct {
	N       int
	Orgs    []orgEdit
	Full    int
	Reasons []string
}

// orgEdit is one org of a plan with its current choice and reason.
type orgEdit struct {
	OrgNo, Name, Village, Industry string
	Full, Probationary, Branch     int
	Choice, Reason                 string
}

// insEdit is the instructor proposal as the page edits it: each org's
// chosen instructor (an option value, "" for none).
type insEdit struct {
	Rows        []orgEdit
	Instructors []insOption
	Error       string
	Checked     bool
}

// insOption is an instructor in the selects: its position in the plan's
// input and masked ID number (ID numbers never travel whole), and a label.
type insOption struct{ Value, Label string }

// planTownship reads the township the request is about: ?township= (or the
// form's), else the user's own scope when it is a township; "" when a
// wider scope chose none.
func planTownship(r *http.Request) (string, error) {
	t := r.FormValue("township")
	if t == "" {
		if sc := accessOf(r).Scope.Prefix; len(sc) == 9 {
			return sc, nil
		}
		return "", nil
	}
	sc, err := hezuo.ParseScope(t)
	if err != nil || len(sc.Prefix) != 9 {
		return "", hezuo.Invalid("", "township", "请选择一个乡镇（9 位代码）", "choose a township (9-digit code)")
	}
	return sc.Prefix, nil
}

// planInput gathers the plan input of the request's township for today.
func (s *Server) planInput(r *http.Request, township string) (*store.PlanInput, error) {
	return s.db.ScopedPlanInput(r.Context(), accessOf(r), hezuo.Scope{Prefix: township}, s.today())
}

var _ = pageRoute("GET /plan", (*Server).planPage)

func (s *Server) planPage(w http.ResponseWriter, r *http.Request) error {
	town, err := planTownship(r)
	if err != nil {
		return err
	}
	if town == "" {
		return s.planOverview(w, r)
	}
	in, err := s.planInput(r, town)
	if err != nil {
		return err
	}
	v := s.newPlanView(r, town, in)
	jp := plan.JointBranches(in.JointOrgs, in.Settings)
	v.Joint = jointFromPlan(in, jp, v.Lang)
	ip := plan.Instructors(in.InstructorOrgs, in.Instructors, in.Settings)
	v.Ins = insFromPlan(in, ip, v.Lang)
	return s.render(w, http.StatusOK, "plan", v)
}

func (s *Server) newPlanView(r *http.Request, town string, in *store.PlanInput) planView {
	v := planView{Page: s.pageOf(r, "plan", "plan"), Township: town, TownName: town}
	for _, o := range append(append([]plan.Org{}, in.JointOrgs...), in.InstructorOrgs...) {
		if o.TownshipName != "" {
			v.TownName = o.TownshipName
			break
		}
	}
	v.Title = tr(v.Lang, "plan") + " · " + v.TownName
	return v
}

// planOverview lists the townships of the user's scope with the orgs each
// has to plan for.
func (s *Server) planOverview(w http.ResponseWriter, r *http.Request) error {
	a := accessOf(r)
	in, err := s.db.ScopedPlanInput(r.Context(), a, hezuo.AllScope, s.today())
	if err != nil {
		return err
	}
	towns, _, err := s.db.ListDivisions(r.Context(), a, hezuo.ListFilter{Form: hezuo.LevelTownship, PerPage: 500}, s.today())
	if err != nil {
		return err
	}
	v := planView{Page: s.pageOf(r, "plan", "plan")}
	count := map[string]*planTown{}
	for _, t := range towns {
		v.Townships = append(v.Townships, planTown{Code: t.Code[:9], Name: t.Name})
	}
	for i := range v.Townships {
		count[v.Townships[i].Code] = &v.Townships[i]
	}
	for _, o := range in.JointOrgs {
		if t := count[o.Township]; t != nil {
			t.Joint++
		}
	}
	for _, o := range in.InstructorOrgs {
		if t := count[o.Township]; t != nil {
			t.Instructor++
		}
	}
	return s.render(w, http.StatusOK, "plan", v)
}

// orgEditOf describes a planner's org for the page.
func orgEditOf(o plan.Org) orgEdit {
	village := o.VillageName
	if village == "" {
		village = o.Village
	}
	return orgEdit{OrgNo: o.OrgNo, Name: o.Name, Village: village, Industry: o.Industry, Full: o.FullMembers, Probationary: o.ProbationaryMembers}
}

// jointFromBranches lays out branches (in order, numbered from 1) and the
// other orgs of in with their reasons (the planner's when it left the org
// out, else "removed by you").
func jointFromBranches(in *store.PlanInput, branches []plan.Branch, unplaced map[string]string, lang string) jointEdit {
	byNo := map[string]plan.Org{}
	for _, o := range in.JointOrgs {
		byNo[o.OrgNo] = o
	}
	placed := map[string]bool{}
	var j jointEdit
	for i, b := range branches {
		be := branchEdit{N: i + 1, Full: b.FullMembers}
		for _, r := range b.Reasons {
			be.Reasons = append(be.Reasons, r.Text(lang))
		}
		for _, no := range b.Orgs {
			oe := orgEditOf(byNo[no])
			oe.Branch = i + 1
			be.Orgs = append(be.Orgs, oe)
			placed[no] = true
		}
		j.Branches = append(j.Branches, be)
	}
	for _, o := range in.JointOrgs {
		if placed[o.OrgNo] {
			continue
		}
		oe := orgEditOf(o)
		if oe.Reason = unplaced[o.OrgNo]; oe.Reason == "" {
			oe.Reason = tr(lang, "removed_by_you")
		}
		j.Unplaced = append(j.Unplaced, oe)
	}
	for n := 1; n <= len(branches)+1; n++ {
		j.Choices = append(j.Choices, n)
	}
	return j
}

// jointFromPlan lays out the planner's proposal.
func jointFromPlan(in *store.PlanInput, p *plan.JointPlan, lang string) jointEdit {
	return jointFromBranches(in, p.Branches, unplacedReasons(p, lang), lang)
}

func unplacedReasons(p *plan.JointPlan, lang string) map[string]string {
	out := map[string]string{}
	for _, u := range p.Unplaced {
		out[u.OrgNo] = u.Reason.Text(lang)
	}
	return out
}

// readGroups reads the branch chosen for each org of in ("b_" + org
// number; 0 or nothing = not placed) as lists of org numbers, by branch
// number, empty branches dropped.
func readGroups(r *http.Request, in *store.PlanInput) ([][]string, map[string]int) {
	chosen := map[string]int{}
	byN := map[int][]string{}
	for _, o := range in.JointOrgs {
		n, _ := strconv.Atoi(r.PostFormValue("b_" + o.OrgNo))
		if n > 0 {
			chosen[o.OrgNo] = n
			byN[n] = append(byN[n], o.OrgNo)
		}
	}
	ns := make([]int, 0, len(byN))
	for n := range byN {
		ns = append(ns, n)
	}
	sort.Ints(ns)
	groups := make([][]string, 0, len(ns))
	for _, n := range ns {
		groups = append(groups, byN[n])
	}
	return groups, chosen
}

// planRedirect sends the officer to the township's check page, where what
// was accepted shows as covered.
func planRedirect(w http.ResponseWriter, r *http.Request, town string, n int) {
	http.Redirect(w, r, "/check?scope="+url.QueryEscape(town)+"&status=all&accepted="+strconv.Itoa(n), http.StatusSeeOther)
}

// planRow is one org row of the joint-branch form: the view (for its text
// and choices) and the org.
type planRow struct {
	V planView
	O orgEdit
}

func init() {
	funcs["planRow"] = func(v planView, o orgEdit) planRow { return planRow{v, o} }
}
