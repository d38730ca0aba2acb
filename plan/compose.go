package plan

import (
	"fmt"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// Compose checks branches given as lists of org numbers — a plan as a
// township officer edited it — against orgs (the orgs that need a group or
// a joint branch and have none, as for JointBranches) and returns them
// described as JointBranches does. Every org must be among orgs and in one
// branch only; a branch needs 2..joint_max_units orgs of one area and at
// least joint_min_full full members. The error is an *hezuo.Error with code
// EINVALID naming the branch (numbered from 1) and the org.
func Compose(groups [][]string, orgs []Org, s rules.Settings) ([]Branch, error) {
	byNo := make(map[string]*Org, len(orgs))
	for i := range orgs {
		byNo[orgs[i].OrgNo] = &orgs[i]
	}
	seen := map[string]int{}
	out := make([]Branch, 0, len(groups))
	for i, g := range groups {
		rec := fmt.Sprintf("联合党支部 %d", i+1)
		if len(g) < 2 || len(g) > s.JointMaxUnits {
			return nil, hezuo.Invalid(rec, "orgs",
				fmt.Sprintf("应包含 2 至 %d 个组织，现有 %d 个", s.JointMaxUnits, len(g)),
				fmt.Sprintf("joint branch %d must have 2 to %d orgs, not %d", i+1, s.JointMaxUnits, len(g)))
		}
		list := make([]*Org, 0, len(g))
		full := 0
		for _, no := range g {
			no = strings.TrimSpace(no)
			o := byNo[no]
			if o == nil {
				return nil, hezuo.Invalid(rec, "orgs",
					fmt.Sprintf("组织 %s 不需要或已有党小组、联合党支部，不能编入", no),
					fmt.Sprintf("org %s does not need a group or joint branch, or already has one", no))
			}
			if j, dup := seen[no]; dup {
				return nil, hezuo.Invalid(rec, "orgs",
					fmt.Sprintf("组织 %s 已编入联合党支部 %d", no, j),
					fmt.Sprintf("org %s is already in joint branch %d", no, j))
			}
			seen[no] = i + 1
			if len(list) > 0 && AreaOf(o, s) != AreaOf(list[0], s) {
				return nil, hezuo.Invalid(rec, "orgs",
					fmt.Sprintf("组织 %s 与 %s 不在同一乡镇，不符合地域相邻的要求", no, list[0].OrgNo),
					fmt.Sprintf("orgs %s and %s are not in one township (neighbouring areas)", no, list[0].OrgNo))
			}
			list = append(list, o)
			full += max(o.FullMembers, 0)
		}
		if full < s.JointMinFull {
			return nil, hezuo.Invalid(rec, "orgs",
				fmt.Sprintf("正式党员合计 %d 名，不足 %d 名", full, s.JointMinFull),
				fmt.Sprintf("joint branch %d has %d full party members in total, fewer than %d", i+1, full, s.JointMinFull))
		}
		out = append(out, makeBranch(list, s.JointMinFull, s.JointMaxUnits))
	}
	return out, nil
}
