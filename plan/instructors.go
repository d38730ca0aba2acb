package plan

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"hezuo"
	"hezuo/rules"
)

// Instructor is a party-building instructor a township committee may send:
// Township is the sending township (9 digits); Villages are where the
// instructor is found (home village, villages of the orgs served now); Orgs
// counts the orgs served now.
type Instructor struct {
	IDNumber string
	Name     string
	Township string
	Villages []string
	Orgs     int
}

// Dispatch is a proposed dispatch of an instructor to an org. Distance is 0
// for a shared village, 1 + the distance of village codes inside the
// township otherwise, and 1000 when the instructor's villages are unknown
// or lie elsewhere.
type Dispatch struct {
	IDNumber       string
	InstructorName string
	OrgNo          string
	OrgName        string
	Township       string
	Distance       int
	Reason         hezuo.Reason
}

// Load is an instructor's number of orgs before and after a plan.
type Load struct {
	IDNumber string `json:"-"`
	Name     string `json:"name"`
	Township string `json:"township"`
	Before   int    `json:"before"`
	After    int    `json:"after"`
}

// InstructorPlan is the proposal of Instructors.
type InstructorPlan struct {
	Dispatches []Dispatch
	Unassigned []Unplaced
	Loads      []Load
}

const farDistance = 1000

// Instructors proposes dispatches for orgs (those with no party members and
// no instructor) from the instructors of each org's own township, none
// carrying more than instructor_max_orgs orgs: the nearest pairs first, and
// as many orgs as the instructors' room allows. The rest are listed with
// the reason.
func Instructors(orgs []Org, ins []Instructor, s rules.Settings) *InstructorPlan {
	p := &InstructorPlan{Dispatches: []Dispatch{}, Unassigned: []Unplaced{}, Loads: []Load{}}
	// Ranks break ties: less loaded instructors first, then by ID number;
	// orgs by number.
	insOrder := make([]int, len(ins))
	for i := range insOrder {
		insOrder[i] = i
	}
	sort.Slice(insOrder, func(a, b int) bool {
		x, y := &ins[insOrder[a]], &ins[insOrder[b]]
		return x.Orgs < y.Orgs || x.Orgs == y.Orgs && x.IDNumber < y.IDNumber
	})
	orgOrder := make([]int, len(orgs))
	for i := range orgOrder {
		orgOrder[i] = i
	}
	sort.Slice(orgOrder, func(a, b int) bool { return orgs[orgOrder[a]].OrgNo < orgs[orgOrder[b]].OrgNo })
	byTown := map[string][]int{} // instructors, in rank order
	room := make([]int, len(ins))
	for _, i := range insOrder {
		byTown[ins[i].Township] = append(byTown[ins[i].Township], i)
		room[i] = max(s.InstructorMaxOrgs-ins[i].Orgs, 0)
	}
	orgsByTown := map[string][]int{} // orgs, in number order
	var towns []string
	for _, o := range orgOrder {
		t := orgs[o].Township
		if orgsByTown[t] == nil {
			towns = append(towns, t)
		}
		orgsByTown[t] = append(orgsByTown[t], o)
	}
	sort.Strings(towns)
	done := make([]bool, len(orgs))
	added := make([]int, len(ins))
	var keys []uint64
	for _, t := range towns {
		os, is := orgsByTown[t], byTown[t]
		// One key per pair: distance, then instructor rank, then org rank.
		keys = keys[:0]
		for oi, o := range os {
			for ii, i := range is {
				keys = append(keys, uint64(distance(&orgs[o], &ins[i]))<<44|uint64(ii)<<22|uint64(oi))
			}
		}
		slices.Sort(keys)
		for _, key := range keys {
			o, i, d := os[key&(1<<22-1)], is[key>>22&(1<<22-1)], int(key>>44)
			if done[o] || room[i] == 0 {
				continue
			}
			done[o] = true
			room[i]--
			added[i]++
			org, in := &orgs[o], &ins[i]
			p.Dispatches = append(p.Dispatches, Dispatch{IDNumber: in.IDNumber, InstructorName: in.Name, OrgNo: org.OrgNo,
				OrgName: org.Name, Township: org.Township, Distance: d, Reason: nearReason(org, in, d)})
		}
		left := 0
		for _, o := range os {
			if !done[o] {
				left++
			}
		}
		for _, o := range os {
			if !done[o] {
				p.Unassigned = append(p.Unassigned, unassigned(&orgs[o], len(is), left, s))
			}
		}
	}
	sort.Slice(p.Dispatches, func(a, b int) bool { return p.Dispatches[a].OrgNo < p.Dispatches[b].OrgNo })
	for i := range ins {
		p.Loads = append(p.Loads, Load{IDNumber: ins[i].IDNumber, Name: ins[i].Name, Township: ins[i].Township,
			Before: ins[i].Orgs, After: ins[i].Orgs + added[i]})
	}
	return p
}

// distance measures how near an instructor is to an org (see Dispatch).
func distance(o *Org, in *Instructor) int {
	best := farDistance
	for k := -1; k < len(o.Villages); k++ {
		ov := o.Village
		if k >= 0 {
			ov = o.Villages[k]
		}
		for _, iv := range in.Villages {
			if ov == iv {
				return 0
			}
			if len(ov) == 12 && len(iv) == 12 && ov[:9] == iv[:9] {
				a, _ := strconv.Atoi(ov[9:])
				b, _ := strconv.Atoi(iv[9:])
				d := a - b
				if d < 0 {
					d = -d
				}
				best = min(best, 1+d)
			}
		}
	}
	return best
}

func nearReason(o *Org, in *Instructor, d int) hezuo.Reason {
	r := hezuo.Reason{Rule: RuleNearest}
	switch {
	case d == 0:
		r.ZH = fmt.Sprintf("指导员%s与该组织同在%s", in.Name, placeZH(o.VillageName, o.Village))
		r.EN = fmt.Sprintf("instructor %s is in the org's village, %s", in.Name, placeEN(o.VillageName, o.Village))
	case d < farDistance:
		r.ZH = fmt.Sprintf("指导员%s在同一乡镇，所在村与该组织相距 %d 个村代码", in.Name, d-1)
		r.EN = fmt.Sprintf("instructor %s is in the same township, %d village codes away", in.Name, d-1)
	default:
		r.ZH = fmt.Sprintf("指导员%s由本乡镇党委派出（所在村未登记）", in.Name)
		r.EN = fmt.Sprintf("instructor %s is sent by the township (village not recorded)", in.Name)
	}
	return r
}

// unassigned says why no instructor could be proposed for o: its township
// has n instructors and left orgs without one.
func unassigned(o *Org, n, left int, s rules.Settings) Unplaced {
	u := Unplaced{OrgNo: o.OrgNo, Name: o.Name, Township: o.Township, FullMembers: o.FullMembers,
		Reason: hezuo.Reason{Rule: rules.KeyInstructorMaxOrgs}}
	town, townEN := placeZH(o.TownshipName, o.Township), placeEN(o.TownshipName, o.Township)
	per := max(s.InstructorMaxOrgs, 1)
	need := (left + per - 1) / per
	if n == 0 {
		u.Reason.ZH = fmt.Sprintf("%s党委尚无登记的党建工作指导员；建议选派指导员 %d 名", town, need)
		u.Reason.EN = fmt.Sprintf("%s has no party-building instructor on record; appoint %d", townEN, need)
		return u
	}
	u.Reason.ZH = fmt.Sprintf("%s的 %d 名党建工作指导员（含本方案派驻）均已达到每人负责 %d 个组织的上限；建议增派指导员 %d 名", town, n, s.InstructorMaxOrgs, need)
	u.Reason.EN = fmt.Sprintf("the %d instructors of %s are all at the limit of %d orgs each (this plan included); appoint %d more", n, townEN, s.InstructorMaxOrgs, need)
	return u
}
