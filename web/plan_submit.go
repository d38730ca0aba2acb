package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"hezuo"
	"hezuo/plan"
	"hezuo/store"
)

// planErrText returns a plan error's message in lang with the record it
// names (the branch or dispatch, numbered as the page shows them).
func planErrText(err error, lang string) (string, bool) {
	var e *hezuo.Error
	if !errors.As(err, &e) || (e.Code != hezuo.EINVALID && e.Code != hezuo.ECONFLICT) {
		return "", false
	}
	msg := e.ZH
	if lang == "en" && e.EN != "" {
		msg = e.EN
	}
	if e.Record != "" {
		msg = e.Record + "：" + msg
	}
	return msg, true
}

// planForm reads the township of a plan form and the plan input for it.
func (s *Server) planForm(r *http.Request) (string, *store.PlanInput, error) {
	town, err := planTownship(r)
	if err == nil && town == "" {
		err = hezuo.Invalid("", "township", "请选择一个乡镇", "choose a township")
	}
	if err != nil {
		return "", nil, err
	}
	in, err := s.planInput(r, town)
	return town, in, err
}

var _ = pageRoute("POST /plan/joint", (*Server).planJointSubmit)

// planJointSubmit checks the officer's edit of the joint-branch proposal
// (op=check: plan.Compose, the branches shown with their reasons or the
// error shown) or accepts it (op=accept: the branches created today in one
// transaction, then the township's check page).
func (s *Server) planJointSubmit(w http.ResponseWriter, r *http.Request) error {
	town, in, err := s.planForm(r)
	if err != nil {
		return err
	}
	v := s.newPlanView(r, town, in)
	jp := plan.JointBranches(in.JointOrgs, in.Settings)
	v.Ins = insFromPlan(in, plan.Instructors(in.InstructorOrgs, in.Instructors, in.Settings), v.Lang)
	groups, _ := readGroups(r, in)
	if r.PostFormValue("op") == "accept" {
		if len(groups) == 0 {
			err = hezuo.Invalid("", "", "方案中没有联合党支部，无可采纳", "the plan holds no joint branch to accept")
		} else {
			var created []hezuo.PartyOrg
			if created, err = s.db.AcceptJointAs(r.Context(), accessOf(r), hezuo.Scope{Prefix: town}, groups, s.today(), s.opt.Now()); err == nil {
				planRedirect(w, r, town, len(created))
				return nil
			}
		}
	} else {
		var branches []plan.Branch
		if branches, err = plan.Compose(groups, in.JointOrgs, in.Settings); err == nil {
			v.Joint = jointFromBranches(in, branches, unplacedReasons(jp, v.Lang), v.Lang)
			v.Joint.Checked = true
			return s.render(w, http.StatusOK, "plan", v)
		}
	}
	msg, ok := planErrText(err, v.Lang)
	if !ok {
		return err
	}
	// Show the edit as typed, numbered as Compose numbered it.
	byNo := map[string]plan.Org{}
	for _, o := range in.JointOrgs {
		byNo[o.OrgNo] = o
	}
	typed := make([]plan.Branch, len(groups))
	for i, g := range groups {
		typed[i].Orgs = g
		for _, no := range g {
			typed[i].FullMembers += max(byNo[no].FullMembers, 0)
		}
	}
	v.Joint = jointFromBranches(in, typed, unplacedReasons(jp, v.Lang), v.Lang)
	v.Joint.Error = msg
	return s.render(w, s.statusOf(err), "plan", v)
}

// insOptions lists in's instructors for the selects.
func insOptions(in *store.PlanInput, lang string) []insOption {
	out := make([]insOption, len(in.Instructors))
	for i, ins := range in.Instructors {
		out[i] = insOption{Value: strconv.Itoa(i) + ":" + hezuo.MaskIDNumber(ins.IDNumber),
			Label: ins.Name + " · " + strings.ReplaceAll(tr(lang, "serves_n"), "%d", strconv.Itoa(ins.Orgs))}
	}
	return out
}

// insFromPlan lays out the planner's instructor proposal.
func insFromPlan(in *store.PlanInput, p *plan.InstructorPlan, lang string) insEdit {
	return insFromDispatches(in, p.Dispatches, unassignedReasons(p, lang), nil, lang)
}

func unassignedReasons(p *plan.InstructorPlan, lang string) map[string]string {
	out := map[string]string{}
	for _, u := range p.Unassigned {
		out[u.OrgNo] = u.Reason.Text(lang)
	}
	return out
}

// insFromDispatches lays out the orgs of in with the instructor each is
// given in ds (with its reason), or the choice typed (chosen) when ds does
// not say, else none with the reason in unassigned.
func insFromDispatches(in *store.PlanInput, ds []plan.Dispatch, unassigned, chosen map[string]string, lang string) insEdit {
	e := insEdit{Instructors: insOptions(in, lang)}
	value := map[string]string{}
	for i, ins := range in.Instructors {
		value[ins.IDNumber] = e.Instructors[i].Value
	}
	byOrg := map[string]plan.Dispatch{}
	for _, d := range ds {
		byOrg[d.OrgNo] = d
	}
	for _, o := range in.InstructorOrgs {
		oe := orgEditOf(o)
		if d, ok := byOrg[o.OrgNo]; ok {
			oe.Choice, oe.Reason = value[d.IDNumber], d.Reason.Text(lang)
		} else if c := chosen[o.OrgNo]; c != "" {
			oe.Choice = c
		} else if oe.Reason = unassigned[o.OrgNo]; oe.Reason == "" {
			oe.Reason = tr(lang, "removed_by_you")
		}
		e.Rows = append(e.Rows, oe)
	}
	return e
}

// readPairs reads the instructor chosen for each org of in ("i_" + org
// number; "" = none). A choice naming an instructor no longer in the input
// is EINVALID (the page is stale).
func readPairs(r *http.Request, in *store.PlanInput) ([]hezuo.Dispatch, map[string]string, error) {
	var pairs []hezuo.Dispatch
	chosen := map[string]string{}
	for _, o := range in.InstructorOrgs {
		c := r.PostFormValue("i_" + o.OrgNo)
		if c == "" {
			continue
		}
		chosen[o.OrgNo] = c
		idx, masked, _ := strings.Cut(c, ":")
		i, err := strconv.Atoi(idx)
		if err != nil || i < 0 || i >= len(in.Instructors) || hezuo.MaskIDNumber(in.Instructors[i].IDNumber) != masked {
			return nil, chosen, hezuo.Invalid("", "instructor", "指导员名单已变化，请刷新页面", "the instructors changed: reload the page")
		}
		pairs = append(pairs, hezuo.Dispatch{IDNumber: in.Instructors[i].IDNumber, OrgNo: o.OrgNo})
	}
	return pairs, chosen, nil
}

var _ = pageRoute("POST /plan/instructors", (*Server).planInstructorsSubmit)

// planInstructorsSubmit checks (op=check) or accepts (op=accept) the
// officer's edit of the instructor proposal, as planJointSubmit does.
func (s *Server) planInstructorsSubmit(w http.ResponseWriter, r *http.Request) error {
	town, in, err := s.planForm(r)
	if err != nil {
		return err
	}
	v := s.newPlanView(r, town, in)
	v.Joint = jointFromPlan(in, plan.JointBranches(in.JointOrgs, in.Settings), v.Lang)
	ip := plan.Instructors(in.InstructorOrgs, in.Instructors, in.Settings)
	pairs, chosen, err := readPairs(r, in)
	if err == nil && r.PostFormValue("op") == "accept" {
		if len(pairs) == 0 {
			err = hezuo.Invalid("", "", "方案中没有派驻，无可采纳", "the plan holds no dispatch to accept")
		} else {
			var created []hezuo.Dispatch
			if created, err = s.db.AcceptDispatchesAs(r.Context(), accessOf(r), hezuo.Scope{Prefix: town}, pairs, s.today(), s.opt.Now()); err == nil {
				planRedirect(w, r, town, len(created))
				return nil
			}
		}
	} else if err == nil {
		var ds []plan.Dispatch
		if ds, err = plan.ComposeDispatches(pairs, in.InstructorOrgs, in.Instructors, in.Settings); err == nil {
			v.Ins = insFromDispatches(in, ds, unassignedReasons(ip, v.Lang), nil, v.Lang)
			v.Ins.Checked = true
			return s.render(w, http.StatusOK, "plan", v)
		}
	}
	msg, ok := planErrText(err, v.Lang)
	if !ok {
		return err
	}
	v.Ins = insFromDispatches(in, nil, unassignedReasons(ip, v.Lang), chosen, v.Lang)
	v.Ins.Error = msg
	return s.render(w, s.statusOf(err), "plan", v)
}
