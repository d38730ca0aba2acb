package sqldb

import (
	"encoding/json"

	"hezuo"
	"hezuo/rules"
)

// segFacts is the stored form of the facts of a segment that are not plain
// columns: the covering party organizations and the secretary, in the
// order the rules see them. Short keys keep the column small.
type segFacts struct {
	Covers    []segCover `json:"c"`
	Secretary *segSec    `json:"s,omitempty"`
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

// encodeFacts returns the JSON of covers and secretary, or nil (NULL) when
// there are no covers (the secretary comes from a cover).
func encodeFacts(covers []rules.Cover, sec *rules.Secretary) any {
	if len(covers) == 0 && sec == nil {
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
	b, _ := json.Marshal(f)
	return string(b)
}

// decodeFacts reads what encodeFacts wrote ("" gives nothing).
func decodeFacts(s string) ([]rules.Cover, *rules.Secretary, error) {
	if s == "" {
		return nil, nil, nil
	}
	var f segFacts
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return nil, nil, err
	}
	covers := make([]rules.Cover, len(f.Covers))
	for i, c := range f.Covers {
		covers[i] = rules.Cover{No: c.No, Name: c.Name, Form: c.Form, Units: c.Units, FullMembers: c.Full, HasCommittee: c.Committee, TermYears: c.TermYears,
			Villages: c.Villages, Industries: c.Industries}
		if c.ElectedOn != "" {
			d, err := hezuo.ParseDate(c.ElectedOn)
			if err != nil {
				return nil, nil, err
			}
			covers[i].ElectedOn = d
		}
	}
	var sec *rules.Secretary
	if f.Secretary != nil {
		sec = &rules.Secretary{Name: f.Secretary.Name, IsLeader: f.Secretary.Leader}
	}
	return covers, sec, nil
}
