package summaries

import (
	"encoding/json"

	"hezuo"
	"hezuo/rules"
)

// segFacts is the stored form of the facts of a segment that are not plain
// columns: the covering party organizations, the secretary and the leading
// members, in the order the rules see them. Short keys keep the column
// small.
type segFacts struct {
	Covers    []segCover   `json:"c"`
	Secretary *segSec      `json:"s,omitempty"`
	Officers  []segOfficer `json:"o,omitempty"`
}

// segOfficer is a rules.Officer.
type segOfficer struct {
	PartyOrg string `json:"p"`
	Role     string `json:"r"`
	Duty     string `json:"d,omitempty"`
	Name     string `json:"n"`
	Leader   bool   `json:"l,omitempty"`
	Talent   bool   `json:"t,omitempty"`
}

type segCover struct {
	No        string `json:"n"`
	Name      string `json:"a"`
	Form      string `json:"f"`
	Units     int    `json:"u"`
	Full      int    `json:"m"`
	Committee bool   `json:"c,omitempty"`
	ElectedOn string `json:"e,omitempty"`
	TermYears int    `json:"t,omitempty"`
	// A joint branch's units: villages and industries (地域相邻、行业相近).
	Villages   []string `json:"v,omitempty"`
	Industries []string `json:"i,omitempty"`
}

type segSec struct {
	Name   string `json:"n"`
	Leader bool   `json:"l,omitempty"`
}

// encodeFacts returns the JSON of covers, secretary and officers, or nil
// (NULL) when there are no covers (the others come from covers).
func encodeFacts(covers []rules.Cover, sec *rules.Secretary, officers []rules.Officer) any {
	if len(covers) == 0 && sec == nil && len(officers) == 0 {
		return nil
	}
	f := segFacts{Covers: make([]segCover, len(covers))}
	for i, c := range covers {
		f.Covers[i] = segCover{No: c.No, Name: c.Name, Form: c.Form, Units: c.Units, Full: c.FullMembers,
			Committee: c.HasCommittee, ElectedOn: c.ElectedOn.String(), TermYears: c.TermYears,
			Villages: c.Villages, Industries: c.Industries}
	}
	if sec != nil {
		f.Secretary = &segSec{Name: sec.Name, Leader: sec.IsLeader}
	}
	for _, o := range officers {
		f.Officers = append(f.Officers, segOfficer{PartyOrg: o.PartyOrg, Role: o.Role, Duty: o.Duty, Name: o.Name, Leader: o.IsLeader, Talent: o.IsTalent})
	}
	b, _ := json.Marshal(f)
	return string(b)
}

// decodeFacts reads what encodeFacts wrote ("" gives nothing).
func decodeFacts(s string) ([]rules.Cover, *rules.Secretary, []rules.Officer, error) {
	if s == "" {
		return nil, nil, nil, nil
	}
	var f segFacts
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return nil, nil, nil, err
	}
	covers := make([]rules.Cover, len(f.Covers))
	for i, c := range f.Covers {
		covers[i] = rules.Cover{No: c.No, Name: c.Name, Form: c.Form, Units: c.Units, FullMembers: c.Full, HasCommittee: c.Committee, TermYears: c.TermYears,
			Villages: c.Villages, Industries: c.Industries}
		if c.ElectedOn != "" {
			d, err := hezuo.ParseDate(c.ElectedOn)
			if err != nil {
				return nil, nil, nil, err
			}
			covers[i].ElectedOn = d
		}
	}
	var sec *rules.Secretary
	if f.Secretary != nil {
		sec = &rules.Secretary{Name: f.Secretary.Name, IsLeader: f.Secretary.Leader}
	}
	var officers []rules.Officer
	for _, o := range f.Officers {
		officers = append(officers, rules.Officer{PartyOrg: o.PartyOrg, Role: o.Role, Duty: o.Duty, Name: o.Name, IsLeader: o.Leader, IsTalent: o.Talent})
	}
	return covers, sec, officers, nil
}
