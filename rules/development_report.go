package rules

import (
	"slices"
	"sort"

	"hezuo"
)

// DevFacts are the records a development report reads: the orgs in scope
// (number → name), their memberships, the party status steps of their
// members, the instructors' dispatches to them and people's names.
type DevFacts struct {
	Orgs        map[string]string
	Memberships []hezuo.Membership
	PartyStatus []hezuo.PartyStatus
	Dispatches  []hezuo.Dispatch
	Names       map[string]string
}

// DevPersonItem is a development item with the person's name.
type DevPersonItem struct {
	DevItem
	Name string `json:"name"`
}

// DevOrgReport lists an org's members' development items on a day, with
// counts by state.
type DevOrgReport struct {
	OrgNo     string          `json:"org_id"`
	Name      string          `json:"name"`
	Due       int             `json:"due"`
	Overdue   int             `json:"overdue"`
	Ready     int             `json:"ready"`
	Irregular int             `json:"irregular"`
	Items     []DevPersonItem `json:"items"`
}

// DevAchievement is what an instructor's orgs achieved while the instructor
// was dispatched to them, up to the day: steps taken by their members.
type DevAchievement struct {
	IDNumber     string   `json:"id_number"`
	Name         string   `json:"name"`
	Orgs         []string `json:"orgs"`
	Activists    int      `json:"activists"`    // people named activists
	Candidates   int      `json:"candidates"`   // people named development objects
	Probationary int      `json:"probationary"` // people admitted as probationary members
	Converted    int      `json:"converted"`    // probationary members converted to full
}

// DevReport is the development report of a scope on a day.
type DevReport struct {
	AsOf        hezuo.Date       `json:"as_of"`
	Orgs        []DevOrgReport   `json:"orgs"`
	Instructors []DevAchievement `json:"instructors"`
}

// DevelopmentReport lists per org (by number) the Development items of the
// people who are its members on day, and per instructor (by ID number) the
// steps taken by members of the orgs the instructor was dispatched to, on
// days within the dispatch and not after day. Orgs without items are left
// out.
func DevelopmentReport(s Settings, f DevFacts, day hezuo.Date) DevReport {
	steps := map[string][]hezuo.PartyStatus{}
	for _, st := range f.PartyStatus {
		steps[st.IDNumber] = append(steps[st.IDNumber], st)
	}
	members := map[string][]hezuo.Membership{} // org → memberships
	for _, m := range f.Memberships {
		members[m.OrgNo] = append(members[m.OrgNo], m)
	}
	rep := DevReport{AsOf: day}
	for org, ms := range members {
		r := DevOrgReport{OrgNo: org, Name: f.Orgs[org]}
		seen := map[string]bool{}
		for _, m := range ms {
			if seen[m.IDNumber] || !m.Period.ActiveOn(day) {
				continue
			}
			seen[m.IDNumber] = true
			for _, it := range Development(s, steps[m.IDNumber], day) {
				r.Items = append(r.Items, DevPersonItem{DevItem: it, Name: f.Names[it.IDNumber]})
				switch it.State {
				case DevDue:
					r.Due++
				case DevOverdue:
					r.Overdue++
				case DevReady:
					r.Ready++
				case DevIrregular:
					r.Irregular++
				}
			}
		}
		if len(r.Items) > 0 {
			sort.SliceStable(r.Items, func(i, j int) bool {
				a, b := r.Items[i], r.Items[j]
				if a.State != b.State {
					return stateOrder[a.State] < stateOrder[b.State]
				}
				return a.By.Before(b.By)
			})
			rep.Orgs = append(rep.Orgs, r)
		}
	}
	sort.Slice(rep.Orgs, func(i, j int) bool { return rep.Orgs[i].OrgNo < rep.Orgs[j].OrgNo })
	rep.Instructors = achievements(f, steps, members, day)
	return rep
}

var stateOrder = map[string]int{DevOverdue: 0, DevIrregular: 1, DevDue: 2, DevReady: 3}

// achievements counts, per instructor, the steps of members of the orgs
// dispatched to, each person's step once.
func achievements(f DevFacts, steps map[string][]hezuo.PartyStatus, members map[string][]hezuo.Membership, day hezuo.Date) []DevAchievement {
	byID := map[string]*DevAchievement{}
	counted := map[string]bool{}
	for _, d := range f.Dispatches {
		if d.From.After(day) {
			continue
		}
		a := byID[d.IDNumber]
		if a == nil {
			a = &DevAchievement{IDNumber: d.IDNumber, Name: f.Names[d.IDNumber]}
			byID[d.IDNumber] = a
		}
		if !slices.Contains(a.Orgs, d.OrgNo) {
			a.Orgs = append(a.Orgs, d.OrgNo)
		}
		for _, m := range members[d.OrgNo] {
			for _, st := range steps[m.IDNumber] {
				if st.From.After(day) || !d.Period.ActiveOn(st.From) || !m.Period.ActiveOn(st.From) {
					continue
				}
				k := d.IDNumber + "|" + st.IDNumber + "|" + st.Status + "|" + st.From.String()
				if counted[k] {
					continue
				}
				counted[k] = true
				switch st.Status {
				case hezuo.StatusActivist:
					a.Activists++
				case hezuo.StatusCandidate:
					a.Candidates++
				case hezuo.StatusProbationary:
					a.Probationary++
				case hezuo.StatusFull:
					a.Converted++
				}
			}
		}
	}
	out := make([]DevAchievement, 0, len(byID))
	for _, a := range byID {
		sort.Strings(a.Orgs)
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IDNumber < out[j].IDNumber })
	return out
}
