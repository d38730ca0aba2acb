package report

import (
	"sort"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// derived holds the figures the report computes from the check and the
// registry records, beyond those Stats gives.
type derived struct {
	registered   map[string]int            // registered orgs per kind
	coverByKind  map[string]map[string]int // kind → coverage class → orgs
	jointKinds   map[string]int            // joint branches per joint kind
	methods      map[string]int            // party organizations per founding method
	noMethod     int                       // party organizations without a founding method
	models       []hezuo.Org               // model orgs (典型)
	rows         map[string]*hezuo.CheckRow
	warnings     map[string][]warnLine // warning rule → the orgs' warnings
	noIndustry   []string
	noCredit     []string // registered without a credit code
	badCredit    []string // credit code failing its check character
	noMembers    []string
	noHouseholds []string // cooperatives driving no household
	unmapped     int      // cross-township orgs whose industry maps to no department
	uncovered    []string // blank spots in the check (rules.Uncovered)
	shouldBuild  []string // orgs that should build and have not (rules.ShouldBuildNotBuilt)
	undecided    int      // cross-county orgs whose manager the common higher department has yet to fix
	names        map[string]string
}

// warnLine is one warning the rules gave for one org.
type warnLine struct{ Org, Text string }

// Coverage classes of a check row's actual form (rules.CoverageClass).
const (
	covOwn        = rules.CoverOwnOrg
	covJoint      = rules.CoverJointOrGroup
	covInstructor = rules.CoverInstructorOnly
	covNone       = rules.CoverUncovered
)

func derive(in *Input, l lang) *derived {
	d := &derived{registered: map[string]int{}, coverByKind: map[string]map[string]int{}, jointKinds: map[string]int{},
		methods: map[string]int{}, rows: map[string]*hezuo.CheckRow{}, warnings: map[string][]warnLine{},
		names: map[string]string{}}
	for i := range in.Check {
		r := &in.Check[i]
		d.rows[r.OrgNo] = r
		d.names[r.OrgNo] = r.Name
		if r.Registered {
			d.registered[r.Kind]++
		}
		if d.coverByKind[r.Kind] == nil {
			d.coverByKind[r.Kind] = map[string]int{}
		}
		d.coverByKind[r.Kind][rules.CoverageClass(r.Actual)]++
		if r.Uncovered {
			d.uncovered = append(d.uncovered, r.Name)
		}
		if r.ShouldBuildNotBuilt {
			d.shouldBuild = append(d.shouldBuild, r.Name)
		}
		for _, w := range r.Warnings {
			d.warnings[w.Rule] = append(d.warnings[w.Rule], warnLine{Org: r.Name, Text: w.Text(langCode(l))})
		}
		switch {
		case r.ManagedBy.Level == "department" && r.ManagedBy.Code == "":
			d.unmapped++
		case r.ManagedBy.Level == "undecided":
			d.undecided++
		}
		if r.Members == 0 {
			d.noMembers = append(d.noMembers, r.Name)
		}
	}
	for _, o := range in.Orgs {
		name := o.Name
		if strings.TrimSpace(o.Industry) == "" {
			d.noIndustry = append(d.noIndustry, name)
		}
		if o.RegisteredAsOf(in.AsOf) {
			switch {
			case strings.TrimSpace(o.CreditCode) == "":
				d.noCredit = append(d.noCredit, name)
			case hezuo.ValidateCreditCode(o.CreditCode) != nil:
				d.badCredit = append(d.badCredit, name+"（"+o.CreditCode+"）")
			}
		}
		if o.Kind == hezuo.KindCooperative && o.HouseholdsDriven == 0 {
			d.noHouseholds = append(d.noHouseholds, name)
		}
		if o.Model {
			d.models = append(d.models, o)
		}
	}
	for _, p := range in.PartyOrgs {
		if p.Form == hezuo.FormJointBranch {
			d.jointKinds[p.JointKind]++
		}
		if p.Form == hezuo.FormPartyGroup {
			continue // groups are founded with the branch or village they sit in
		}
		if p.FoundingMethod == "" {
			d.noMethod++
		} else {
			d.methods[p.FoundingMethod]++
		}
	}
	sort.Slice(d.models, func(i, j int) bool { return d.models[i].OrgNo < d.models[j].OrgNo })
	return d
}

func langCode(l lang) string {
	if l.en {
		return "en"
	}
	return "zh"
}

// kinds lists org kinds in report order.
var kinds = []string{hezuo.KindCooperative, hezuo.KindAssociation, hezuo.KindUnion}

// kindName is an org kind's name in the report's language.
func (l lang) kindName(k string) string {
	return l.t(map[string]string{hezuo.KindCooperative: "农民专业合作社", hezuo.KindAssociation: "产业协会", hezuo.KindUnion: "联合社"}[k],
		map[string]string{hezuo.KindCooperative: "professional cooperatives", hezuo.KindAssociation: "industry associations", hezuo.KindUnion: "cooperative unions"}[k])
}

// methodNameEN translates the seed's founding methods.
var methodNameEN = map[string]string{
	"支部领着建": "led by a village branch", "党员或经济能人带头建": "led by party members or capable farmers",
	"企业拉动建": "pulled by an enterprise", "市场催动建": "driven by the market",
}

// partsBy returns the parts sorted by a figure, largest first (ties by code).
func partsBy(parts []Part, f func(*hezuo.Stats) int) []Part {
	out := append([]Part(nil), parts...)
	sort.SliceStable(out, func(i, j int) bool { return f(out[i].Stats) > f(out[j].Stats) })
	return out
}

// townshipName returns the name of the part holding the org's home village.
func (in *Input) partName(village string) string {
	for _, p := range in.Parts {
		if strings.HasPrefix(village, p.Code) {
			return p.Name
		}
	}
	return ""
}
