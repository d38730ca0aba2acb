package rules

import (
	"strings"
	"testing"

	"hezuo"
)

func TestDevelopment(t *testing.T) {
	d := hezuo.MustDate
	step := func(status, from, to string) hezuo.PartyStatus {
		s := hezuo.PartyStatus{IDNumber: "P", Status: status, Period: hezuo.Period{From: d(from)}}
		if to != "" {
			s.To = d(to)
		}
		return s
	}
	type want struct{ step, state, by, text string }
	for _, c := range []struct {
		name    string
		history []hezuo.PartyStatus
		day     string
		want    []want
	}{
		{"applicant within the month", []hezuo.PartyStatus{step("applicant", "2022-01-10", "")}, "2022-01-20",
			[]want{{StepTalk, DevDue, "2022-02-10", "谈话"}}},
		{"applicant past the month", []hezuo.PartyStatus{step("applicant", "2022-01-10", "")}, "2022-03-01",
			[]want{{StepTalk, DevOverdue, "2022-02-10", "1 个月"}}},
		{"activist for 4 months", []hezuo.PartyStatus{step("applicant", "2021-12-01", "2022-01-10"), step("activist", "2022-01-10", "")}, "2022-05-10",
			[]want{{StepAssessment, DevDue, "2022-07-10", "每 6 个月"}}},
		{"activist for 13 months", []hezuo.PartyStatus{step("activist", "2022-01-10", "")}, "2023-02-10",
			[]want{{StepAssessment, DevDue, "2023-07-10", "下次"}, {StepCandidate, DevReady, "2023-01-10", "发展对象"}}},
		{"probation running", []hezuo.PartyStatus{step("probationary", "2022-06-01", "")}, "2023-01-01",
			[]want{{StepConversion, DevDue, "2023-06-01", "转正"}}},
		{"probation ended, in approval time", []hezuo.PartyStatus{step("probationary", "2022-06-01", "")}, "2023-07-01",
			[]want{{StepConversion, DevDue, "2023-06-01", "转正"}}},
		{"probation over a year without conversion", []hezuo.PartyStatus{step("probationary", "2022-06-01", "")}, "2023-10-01",
			[]want{{StepConversion, DevOverdue, "2023-09-01", "未转正"}}},
		{"probation beyond the longest extension", []hezuo.PartyStatus{step("probationary", "2022-06-01", "")}, "2024-07-01",
			[]want{{StepConversion, DevOverdue, "2024-06-01", "取消"}}},
		{"regular full member", []hezuo.PartyStatus{step("activist", "2019-01-01", "2020-03-01"), step("candidate", "2020-03-01", "2020-09-01"),
			step("probationary", "2020-09-01", "2021-09-01"), step("full", "2021-09-01", "")}, "2024-01-01", nil},
		{"short probation", []hezuo.PartyStatus{step("probationary", "2020-09-01", "2021-03-01"), step("full", "2021-03-01", "")}, "2024-01-01",
			[]want{{StepProbation, DevIrregular, "2021-09-01", "不满 12 个月"}}},
		{"development object too early", []hezuo.PartyStatus{step("activist", "2020-01-01", "2020-06-01"), step("candidate", "2020-06-01", "")}, "2020-07-01",
			[]want{{StepActivistMn, DevIrregular, "2021-01-01", "不满 12 个月"}}},
		{"future steps ignored", []hezuo.PartyStatus{step("applicant", "2025-01-01", "")}, "2024-01-01", nil},
		{"ended history", []hezuo.PartyStatus{step("applicant", "2020-01-01", "2020-02-01")}, "2024-01-01", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Development(Defaults(), c.history, d(c.day))
			if len(got) != len(c.want) {
				t.Fatalf("got %+v, want %d items", got, len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				if g.Step != w.step || g.State != w.state || g.By.String() != w.by || !strings.Contains(g.Reason.ZH, w.text) || g.Reason.EN == "" {
					t.Errorf("item %d: %+v; want %+v", i, g, w)
				}
			}
		})
	}
}

func TestDevelopmentReport(t *testing.T) {
	d := hezuo.MustDate
	per := func(from, to string) hezuo.Period {
		p := hezuo.Period{From: d(from)}
		if to != "" {
			p.To = d(to)
		}
		return p
	}
	f := DevFacts{
		Orgs: map[string]string{"O1": "一社", "O2": "二社"},
		Memberships: []hezuo.Membership{
			{IDNumber: "A", OrgNo: "O1", Period: per("2015-01-01", "")},
			{IDNumber: "B", OrgNo: "O1", Period: per("2015-01-01", "")},
			{IDNumber: "C", OrgNo: "O2", Period: per("2015-01-01", "2020-01-01")}, // left: no items
		},
		PartyStatus: []hezuo.PartyStatus{
			{IDNumber: "A", Status: hezuo.StatusActivist, Period: per("2020-03-01", "2021-06-01")},
			{IDNumber: "A", Status: hezuo.StatusCandidate, Period: per("2021-06-01", "2022-01-01")},
			{IDNumber: "A", Status: hezuo.StatusProbationary, Period: per("2022-01-01", "")},
			{IDNumber: "B", Status: hezuo.StatusApplicant, Period: per("2023-05-01", "")},
			{IDNumber: "C", Status: hezuo.StatusApplicant, Period: per("2019-05-01", "")},
		},
		Dispatches: []hezuo.Dispatch{{IDNumber: "I", OrgNo: "O1", Period: per("2021-01-01", "")},
			{IDNumber: "J", OrgNo: "O2", Period: per("2018-01-01", "")}},
		Names: map[string]string{"A": "甲", "B": "乙", "I": "指导员"},
	}
	rep := DevelopmentReport(Defaults(), f, d("2023-06-01"))
	if len(rep.Orgs) != 1 || rep.Orgs[0].OrgNo != "O1" || rep.Orgs[0].Overdue != 1 || rep.Orgs[0].Due != 1 {
		t.Fatalf("orgs %+v", rep.Orgs)
	}
	if it := rep.Orgs[0].Items[0]; it.Name == "" || it.State != DevOverdue {
		t.Errorf("first item %+v", it)
	}
	if len(rep.Instructors) != 2 {
		t.Fatalf("instructors %+v", rep.Instructors)
	}
	// I was dispatched from 2021: A's candidate and probationary steps count, the activist step does not.
	if a := rep.Instructors[0]; a.IDNumber != "I" || a.Activists != 0 || a.Candidates != 1 || a.Probationary != 1 || a.Converted != 0 {
		t.Errorf("instructor I %+v", a)
	}
	if a := rep.Instructors[1]; a.IDNumber != "J" || a.Activists+a.Candidates+a.Probationary+a.Converted != 0 {
		t.Errorf("instructor J %+v", a)
	}
}
