package plan

import (
	"fmt"

	"hezuo"
	"hezuo/rules"
)

// ComposeDispatches checks dispatches given as pairs of instructor ID
// number and org number — an instructor plan as a township officer edited
// it — against orgs (those that need an instructor and have none, as for
// Instructors) and ins (the instructors with their loads), and returns them
// described as Instructors does, with distance and reason. Every org must
// be among orgs and listed once; every instructor among ins, of the org's
// township, and carrying no more than instructor_max_orgs orgs with the new
// ones. The error is an *hezuo.Error with code EINVALID naming the dispatch
// (numbered from 1) and the org.
func ComposeDispatches(pairs []hezuo.Dispatch, orgs []Org, ins []Instructor, s rules.Settings) ([]Dispatch, error) {
	byNo := make(map[string]*Org, len(orgs))
	for i := range orgs {
		byNo[orgs[i].OrgNo] = &orgs[i]
	}
	byID := make(map[string]*Instructor, len(ins))
	for i := range ins {
		byID[ins[i].IDNumber] = &ins[i]
	}
	seen := map[string]bool{}
	added := map[string]int{}
	out := make([]Dispatch, 0, len(pairs))
	for i, p := range pairs {
		rec := fmt.Sprintf("派驻 %d", i+1)
		o, in := byNo[p.OrgNo], byID[p.IDNumber]
		switch {
		case o == nil:
			return nil, hezuo.Invalid(rec, "org_id", "组织 "+p.OrgNo+" 不需要或已有党建工作指导员", "org "+p.OrgNo+" does not need an instructor, or already has one")
		case seen[p.OrgNo]:
			return nil, hezuo.Invalid(rec, "org_id", "组织 "+p.OrgNo+" 重复派驻", "org "+p.OrgNo+" is listed twice")
		case in == nil:
			return nil, hezuo.Invalid(rec, "instructor", "未知的指导员 "+hezuo.MaskIDNumber(p.IDNumber), "unknown instructor "+hezuo.MaskIDNumber(p.IDNumber))
		case in.Township != o.Township:
			return nil, hezuo.Invalid(rec, "instructor",
				fmt.Sprintf("指导员%s不属于组织 %s 所在的乡镇 %s", in.Name, o.OrgNo, o.Township),
				fmt.Sprintf("instructor %s is not one of township %s, where org %s lies", in.Name, o.Township, o.OrgNo))
		}
		seen[p.OrgNo] = true
		added[p.IDNumber]++
		if n := in.Orgs + added[p.IDNumber]; n > s.InstructorMaxOrgs {
			return nil, hezuo.Invalid(rec, "instructor",
				fmt.Sprintf("指导员%s将负责 %d 个组织，超过每人 %d 个的上限", in.Name, n, s.InstructorMaxOrgs),
				fmt.Sprintf("instructor %s would serve %d orgs, more than the limit of %d", in.Name, n, s.InstructorMaxOrgs))
		}
		d := distance(o, in)
		out = append(out, Dispatch{IDNumber: in.IDNumber, InstructorName: in.Name, OrgNo: o.OrgNo, OrgName: o.Name,
			Township: o.Township, Distance: d, Reason: nearReason(o, in, d)})
	}
	return out, nil
}
