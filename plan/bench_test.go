package plan

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"hezuo/rules"
)

// province generates a province-size input: n orgs across towns townships
// of 20 villages each, eight industries, 0–2 full members mostly and a few
// unregistered orgs with more.
func province(n, towns int) []Org {
	r := rand.New(rand.NewPCG(22, 24))
	industries := []string{"蔬菜", "黑木耳", "养殖", "农机", "水稻", "中药材", "果树", "林下经济"}
	out := make([]Org, n)
	for i := range out {
		t := i % towns
		town := fmt.Sprintf("22%02d%02d%03d", 1+t/200, 1+t/20%10, 100+t%20)
		v := fmt.Sprintf("%s%03d", town, 201+r.IntN(20))
		out[i] = Org{OrgNo: fmt.Sprintf("P%07d", i), Name: "组织", Township: town, Village: v, Villages: []string{v},
			Industry: industries[r.IntN(len(industries))], FullMembers: []int{0, 1, 1, 1, 2, 2, 2, 2, 3, 5}[r.IntN(10)]}
	}
	return out
}

func BenchmarkJointBranchesProvince(b *testing.B) {
	orgs := province(100_000, 1_000)
	s := rules.Defaults()
	var p *JointPlan
	for b.Loop() {
		p = JointBranches(orgs, s)
	}
	placed := 0
	for _, a := range p.Areas {
		placed += a.Placed
	}
	b.ReportMetric(float64(len(p.Branches)), "branches")
	b.ReportMetric(float64(placed), "placed")
}

func BenchmarkInstructorsProvince(b *testing.B) {
	orgs := province(100_000, 1_000)
	var ins []Instructor
	for i := 0; i < 20_000; i++ {
		o := orgs[i*5]
		ins = append(ins, Instructor{IDNumber: fmt.Sprintf("I%06d", i), Name: "指导员", Township: o.Township, Villages: []string{o.Village}, Orgs: i % 3})
	}
	s := rules.Defaults()
	for b.Loop() {
		Instructors(orgs, ins, s)
	}
}

// The province plans validly and every area reaches the optimum bound.
func TestProvinceIsValidAndOptimal(t *testing.T) {
	if testing.Short() {
		t.Skip("province-size instance")
	}
	orgs := province(100_000, 1_000)
	s := rules.Defaults()
	p := JointBranches(orgs, s)
	checkValid(t, orgs, p, s)
	for _, a := range p.Areas {
		want := min(a.Orgs, a.MaxBranches*s.JointMaxUnits)
		if a.Placed != want || !a.Exact {
			t.Fatalf("area %s: placed %d, optimum %d", a.Township, a.Placed, want)
		}
	}
}
