package plan

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"

	"hezuo/rules"
)

// settingsMK returns the defaults with joint_min_full m and joint_max_units k.
func settingsMK(m, k int) rules.Settings {
	s := rules.Defaults()
	s.JointMinFull, s.JointMaxUnits = m, k
	return s
}

// exhaustive returns, for the orgs of one area, the most orgs placed, the
// fewest branches placing them, and the most disjoint branches, by trying
// every way to split the orgs (a memo over subsets, 3^n).
func exhaustive(full []int, m, k int) (placed, branches, most int) {
	n := len(full)
	type best struct{ placed, groups, most int }
	memo := make([]best, 1<<n)
	done := make([]bool, 1<<n)
	var solve func(mask uint) best
	solve = func(mask uint) best {
		if mask == 0 {
			return best{}
		}
		if done[mask] {
			return memo[mask]
		}
		i := bits.TrailingZeros(mask)
		rest := mask &^ (1 << i)
		b := solve(rest) // org i stays out
		for sub := rest; ; sub = (sub - 1) & rest {
			size, sum := bits.OnesCount(sub)+1, full[i]
			for s := sub; s != 0; s &= s - 1 {
				sum += full[bits.TrailingZeros(s)]
			}
			if size >= 2 && size <= k && sum >= m {
				r := solve(rest &^ sub)
				c := best{r.placed + size, r.groups + 1, r.most + 1}
				if c.placed > b.placed || c.placed == b.placed && c.groups < b.groups {
					c.most = max(c.most, b.most)
					b = c
				} else {
					b.most = max(b.most, c.most)
				}
			}
			if sub == 0 {
				break
			}
		}
		memo[mask], done[mask] = b, true
		return b
	}
	r := solve(1<<n - 1)
	return r.placed, r.groups, r.most
}

// randomOrgs returns n orgs over one or two townships of one county, with
// 0–2 full members mostly and a few unregistered orgs with more.
func randomOrgs(r *rand.Rand, n int) []Org {
	towns := 1 + r.IntN(2)
	industries := []string{"蔬菜", "黑木耳", "养殖", ""}
	out := make([]Org, n)
	for i := range out {
		t := fmt.Sprintf("220999%03d", 100+r.IntN(towns))
		v := fmt.Sprintf("%s%03d", t, 201+r.IntN(3))
		full := []int{0, 0, 1, 1, 1, 2, 2, 2, 3, 4}[r.IntN(10)]
		out[i] = Org{OrgNo: fmt.Sprintf("O%02d", i), Name: fmt.Sprintf("组织%d", i), Township: t, Village: v,
			Villages: []string{v}, Industry: industries[r.IntN(len(industries))], FullMembers: full}
	}
	return out
}

// checkValid fails the test when the plan breaks a rule: an org twice or
// missing, a branch too small or large, short of full members, across
// areas, or with wrong totals.
func checkValid(t *testing.T, orgs []Org, p *JointPlan, s rules.Settings) {
	t.Helper()
	byNo := map[string]*Org{}
	for i := range orgs {
		byNo[orgs[i].OrgNo] = &orgs[i]
	}
	seen := map[string]bool{}
	mark := func(no string) {
		if seen[no] {
			t.Errorf("org %s placed twice", no)
		}
		if byNo[no] == nil {
			t.Errorf("unknown org %s", no)
		}
		seen[no] = true
	}
	for _, b := range p.Branches {
		if len(b.Orgs) < 2 || len(b.Orgs) > s.JointMaxUnits {
			t.Errorf("branch %v has %d orgs", b.Orgs, len(b.Orgs))
		}
		sum := 0
		for _, no := range b.Orgs {
			mark(no)
			o := byNo[no]
			if o == nil {
				continue
			}
			sum += o.FullMembers
			if AreaOf(o, s) != AreaOf(byNo[b.Orgs[0]], s) {
				t.Errorf("branch %v spans areas", b.Orgs)
			}
		}
		if sum < s.JointMinFull || sum != b.FullMembers {
			t.Errorf("branch %v: %d full members, says %d, needs %d", b.Orgs, sum, b.FullMembers, s.JointMinFull)
		}
		if first := byNo[b.Orgs[0]]; first != nil && (b.Seat != first.Village || b.Township != first.Township) {
			t.Errorf("branch %v: seat %s township %s", b.Orgs, b.Seat, b.Township)
		}
	}
	for _, u := range p.Unplaced {
		mark(u.OrgNo)
		if u.Reason.ZH == "" || u.Reason.EN == "" {
			t.Errorf("unplaced %s without a reason", u.OrgNo)
		}
	}
	if len(seen) != len(orgs) {
		t.Errorf("%d orgs accounted for, want %d", len(seen), len(orgs))
	}
}

func TestJointBranchesOptimalAgainstExhaustiveSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 2026))
	settings := [][2]int{{3, 5}, {3, 5}, {3, 5}, {3, 4}, {3, 3}, {3, 2}, {2, 3}, {4, 5}, {5, 4}, {1, 3}, {4, 2}, {6, 5}}
	instances := 0
	for round := 0; round < 100; round++ {
		for _, mk := range settings {
			s := settingsMK(mk[0], mk[1])
			orgs := randomOrgs(r, 1+r.IntN(11))
			p := JointBranches(orgs, s)
			checkValid(t, orgs, p, s)
			byArea := map[string][]int{}
			for _, o := range orgs {
				byArea[o.Township] = append(byArea[o.Township], o.FullMembers)
			}
			got := map[string]Area{}
			for _, a := range p.Areas {
				got[a.Township] = a
			}
			for town, full := range byArea {
				placed, branches, most := exhaustive(full, mk[0], mk[1])
				a := got[town]
				if a.Placed != placed || a.Branches != branches || a.MaxBranches != most || !a.Exact {
					t.Fatalf("M=%d K=%d full %v: placed %d in %d branches (max %d), exhaustive %d in %d (max %d)",
						mk[0], mk[1], full, a.Placed, a.Branches, a.MaxBranches, placed, branches, most)
				}
			}
			instances++
		}
	}
	t.Logf("%d random instances agree with exhaustive search", instances)
}

// The closed form for M = 3 and the general programme agree on every
// residual of ones and twos up to 40 each.
func TestResidualClosedFormMatchesProgramme(t *testing.T) {
	for _, k := range []int{3, 4, 5} {
		present := []bool{true, true, true, true}
		dp := &solver{m: 3, k: k, patterns: residualPatterns(3, k, present), memo: map[string]int{}}
		fast := newSolver(3, k, present)
		for c1 := 0; c1 <= 40; c1++ {
			for c2 := 0; c2 <= 40; c2++ {
				if a, b := fast.residual([]int{0, c1, c2}), dp.rec([]int{0, c1, c2}); a != b {
					t.Fatalf("K=%d ones %d twos %d: closed form %d, programme %d", k, c1, c2, a, b)
				}
			}
		}
	}
}

func TestJointBranchesPrefersIndustryAndVillage(t *testing.T) {
	s := rules.Defaults()
	var orgs []Org
	add := func(no, ind, village string, full int) {
		orgs = append(orgs, Org{OrgNo: no, Township: village[:9], Village: village, Industry: ind, FullMembers: full})
	}
	// Two industries of three orgs with one full member each, interleaved.
	for i := 0; i < 3; i++ {
		add(fmt.Sprintf("A%d", i), "蔬菜", "220999100201", 1)
		add(fmt.Sprintf("B%d", i), "养殖", "220999100201", 1)
	}
	// One industry over two villages, five orgs each: one branch per village.
	for i, full := range []int{2, 1, 0, 0, 0} {
		add(fmt.Sprintf("C%d", i), "黑木耳", "220999101201", full)
		add(fmt.Sprintf("D%d", i), "黑木耳", "220999101202", full)
	}
	p := JointBranches(orgs, s)
	checkValid(t, orgs, p, s)
	if len(p.Branches) != 4 || len(p.Unplaced) != 0 {
		t.Fatalf("want 4 branches placing every org, got %+v", p.Branches)
	}
	for _, b := range p.Branches {
		if len(b.Industries) != 1 || len(b.Villages) != 1 {
			t.Errorf("branch %v mixes industries %v or villages %v", b.Orgs, b.Industries, b.Villages)
		}
	}
}

func TestJointBranchesUnplacedReasons(t *testing.T) {
	s := rules.Defaults()
	orgs := []Org{
		{OrgNo: "SOLO", Township: "220999100", Village: "220999100201", FullMembers: 2, VillageName: "东村"},
		{OrgNo: "P1", Township: "220999101", Village: "220999101201", FullMembers: 1},
		{OrgNo: "P2", Township: "220999101", Village: "220999101202", FullMembers: 1},
		{OrgNo: "H", Township: "220999102", Village: "220999102201", FullMembers: 3},
	}
	for i := 0; i < 10; i++ {
		orgs = append(orgs, Org{OrgNo: fmt.Sprintf("Z%d", i), Township: "220999102", Village: "220999102201"})
	}
	p := JointBranches(orgs, s)
	checkValid(t, orgs, p, s)
	reasons := map[string]string{}
	for _, u := range p.Unplaced {
		reasons[u.OrgNo] = u.Reason.ZH + " | " + u.Reason.EN
	}
	for no, want := range map[string]string{"SOLO": "仅此一个", "P1": "不足联合党支部所需的 3 名", "Z9": "均已达 5 个单位的上限"} {
		if !strings.Contains(reasons[no], want) || !strings.Contains(reasons[no], "党小组") {
			t.Errorf("%s: reason %q, want %q and a party group", no, reasons[no], want)
		}
	}
	if len(p.Branches) != 1 || len(p.Branches[0].Orgs) != 5 || p.Branches[0].Orgs[0] != "H" || len(p.Unplaced) != 9 {
		t.Errorf("branches %+v, %d unplaced", p.Branches, len(p.Unplaced))
	}
}

func TestCompose(t *testing.T) {
	s := rules.Defaults()
	orgs := []Org{
		{OrgNo: "A", Township: "220999100", Village: "220999100201", FullMembers: 2},
		{OrgNo: "B", Township: "220999100", Village: "220999100202", FullMembers: 1},
		{OrgNo: "C", Township: "220999101", Village: "220999101201", FullMembers: 2},
		{OrgNo: "D", Township: "220999100", Village: "220999100201"},
	}
	if bs, err := Compose([][]string{{"D", "B", "A"}}, orgs, s); err != nil || bs[0].Orgs[0] != "A" || bs[0].FullMembers != 3 {
		t.Fatalf("Compose: %v %+v", err, bs)
	}
	for name, groups := range map[string][][]string{
		"alone": {{"A"}}, "short": {{"B", "D"}}, "twice": {{"A", "B"}, {"A", "D"}},
		"unknown": {{"A", "X"}}, "across townships": {{"A", "C"}}, "too many": {{"A", "B", "D", "A", "B", "D"}},
	} {
		if _, err := Compose(groups, orgs, s); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
