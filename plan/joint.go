package plan

import (
	"sort"

	"hezuo"
	"hezuo/rules"
)

// Org is an org the planners place: one that needs a party group or a joint
// branch and has none (JointBranches), or one that needs an instructor and
// has none (Instructors). Township is the 9-digit code of its home Village;
// Villages lists every village it spans, home included. The names are for
// the reasons and may be empty.
type Org struct {
	OrgNo               string
	Name                string
	Township            string
	TownshipName        string
	Village             string
	VillageName         string
	Villages            []string
	Industry            string
	Trade               string // the industry's class of similar trades (rules.DepartmentMap.Trade); "" gives the industry's own
	FullMembers         int
	ProbationaryMembers int
}

// Branch is a proposed joint branch: its orgs (org numbers, the seat's org
// first), their full members in total, the township of the seat and the
// seat's village, the distinct industries and home villages, and reasons.
type Branch struct {
	Orgs         []string
	Names        []string // the orgs' names, in Orgs' order
	FullMembers  int
	Township     string
	TownshipName string
	Seat         string
	Industries   []string
	Villages     []string
	Reasons      []hezuo.Reason
}

// Unplaced is an org no proposed branch takes, with why and what to do.
type Unplaced struct {
	OrgNo       string
	Name        string
	Township    string
	FullMembers int
	Reason      hezuo.Reason
}

// Area sums up one area's plan: the orgs and full members to place, the
// most disjoint joint branches they allow (MaxBranches), the branches
// proposed and the orgs they place. Exact is false only when an unusual
// setting made the area too large for the exact method.
type Area struct {
	Township     string `json:"township"`
	Name         string `json:"name,omitempty"`
	Orgs         int    `json:"orgs"`
	FullMembers  int    `json:"full_party_members"`
	MaxBranches  int    `json:"max_branches"`
	Branches     int    `json:"branches"`
	Placed       int    `json:"placed"`
	Exact        bool   `json:"exact"`
	UnplacedOrgs int    `json:"unplaced"`
}

// JointPlan is the proposal of JointBranches, in area order.
type JointPlan struct {
	Branches []Branch
	Unplaced []Unplaced
	Areas    []Area
}

// AreaOf returns the code of the area an org may form joint branches in:
// its township, or its county when the settings allow crossing townships
// (rules.JointArea, which the check applies to existing joint branches).
func AreaOf(o *Org, s rules.Settings) string { return rules.JointArea(o.Township, s) }

// JointBranches proposes joint branches for orgs under the settings'
// joint_max_units, joint_min_full and joint_same_township: per area, the
// most orgs placed, then the fewest branches, then branches that keep
// industries and villages together. Orgs with negative full members count
// as 0. The input is not modified.
func JointBranches(orgs []Org, s rules.Settings) *JointPlan {
	byArea := map[string][]*Org{}
	for i := range orgs {
		o := &orgs[i]
		a := AreaOf(o, s)
		byArea[a] = append(byArea[a], o)
	}
	codes := make([]string, 0, len(byArea))
	for a := range byArea {
		codes = append(codes, a)
	}
	sort.Strings(codes)
	p := &JointPlan{Branches: []Branch{}, Unplaced: []Unplaced{}, Areas: []Area{}}
	for _, a := range codes {
		list := byArea[a]
		sort.Slice(list, func(i, j int) bool { return list[i].OrgNo < list[j].OrgNo })
		planArea(p, a, list, s)
	}
	return p
}

// planArea plans one area and appends its branches, unplaced orgs and
// summary to p.
func planArea(p *JointPlan, code string, orgs []*Org, s rules.Settings) {
	b := newBuilder(orgs, s)
	n, k := len(orgs), s.JointMaxUnits
	g := b.sv.gmax(b.counts)
	area := Area{Township: code, Orgs: n, MaxBranches: g, FullMembers: b.full}
	if len(code) == 9 {
		area.Name = orgs[0].TownshipName
		b.areaZH, b.areaEN = placeZH(area.Name, code), placeEN(area.Name, code)
	} else {
		b.areaZH, b.areaEN = "本县（"+code+"）", "the county "+code
	}
	target := g
	if g*k >= n {
		target = (n + k - 1) / k
	}
	groups := b.cores(target)
	b.fill(groups)
	b.improve(groups)
	for _, gr := range groups {
		p.Branches = append(p.Branches, b.branch(gr))
		area.Placed += len(gr.members)
	}
	area.Branches = len(groups)
	area.Exact = !b.sv.inexact
	for _, it := range b.items {
		if !it.used {
			p.Unplaced = append(p.Unplaced, b.unplaced(it, g))
			area.UnplacedOrgs++
		}
	}
	p.Areas = append(p.Areas, area)
}
