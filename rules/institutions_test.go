package rules

import (
	"strings"
	"testing"

	"hezuo"
)

func TestExpectedMeetings(t *testing.T) {
	for _, c := range []struct {
		form, joint string
		committee   bool
		want        string
	}{
		{hezuo.FormPartyGroup, "", false, "group_meeting"},
		{hezuo.FormBranch, "", false, "members_meeting party_lecture theme_day life_meeting appraisal joint_meeting"},
		{hezuo.FormBranch, "", true, "members_meeting committee_meeting party_lecture theme_day life_meeting appraisal joint_meeting"},
		{hezuo.FormJointBranch, hezuo.JointVillageOrg, false, "members_meeting party_lecture theme_day life_meeting appraisal"},
		{hezuo.FormJointBranch, hezuo.JointCrossVill, false, "members_meeting party_lecture theme_day life_meeting appraisal joint_meeting"},
		{hezuo.FormVillage, "", true, ""},
	} {
		if got := strings.Join(ExpectedMeetings(c.form, c.joint, c.committee), " "); got != c.want {
			t.Errorf("%s/%s/%v: %q, want %q", c.form, c.joint, c.committee, got, c.want)
		}
	}
}

func TestOverdueOn(t *testing.T) {
	day := d("2022-06-08")
	all := func(last string) map[string]hezuo.Date {
		m := map[string]hezuo.Date{}
		for _, k := range hezuo.MeetingKinds {
			m[k] = d(last)
		}
		return m
	}
	recent := all("2022-06-01")
	cases := []struct {
		name  string
		s     Settings
		org   OrgLife
		kinds string // kinds overdue, in order
		days  []int
		text  string // in the first reason
	}{
		{"all held recently", Defaults(), OrgLife{Form: hezuo.FormBranch, Since: d("2015-01-01"), Last: recent}, "", nil, ""},
		// Monthly theme day last held 2022-05-07: due 2022-06-07, one day overdue.
		{"theme day a month ago", Defaults(), OrgLife{Form: hezuo.FormBranch, Since: d("2015-01-01"),
			Last: func() map[string]hezuo.Date {
				m := all("2022-06-01")
				m[hezuo.MeetingThemeDay] = d("2022-05-07")
				return m
			}()},
			"theme_day", []int{1}, "上次主题党日于 2022-05-07 召开"},
		{"due today is not overdue", Defaults(), OrgLife{Form: hezuo.FormBranch, Since: d("2015-01-01"),
			Last: func() map[string]hezuo.Date {
				m := all("2022-06-01")
				m[hezuo.MeetingThemeDay] = d("2022-05-08")
				return m
			}()},
			"", nil, ""},
		// Nothing ever held by a branch founded 2022-01-10: monthly and quarterly kinds are due; yearly ones are not.
		{"new branch, nothing held", Defaults(), OrgLife{Form: hezuo.FormBranch, Since: d("2022-01-10"), HasCommittee: true},
			"members_meeting committee_meeting party_lecture theme_day joint_meeting", []int{59, 118, 59, 118, 59}, "自 2022-01-10 成立以来未召开支部党员大会"},
		{"longer interval in the settings", func() Settings { s := Defaults(); s.ThemeDayMonths = 2; return s }(),
			OrgLife{Form: hezuo.FormBranch, Since: d("2015-01-01"),
				Last: func() map[string]hezuo.Date {
					m := all("2022-06-01")
					m[hezuo.MeetingThemeDay] = d("2022-05-07")
					return m
				}()},
			"", nil, ""},
		{"party group", Defaults(), OrgLife{Form: hezuo.FormPartyGroup, Since: d("2015-01-01"), Last: all("2022-04-30")},
			"group_meeting", []int{9}, "党小组会"},
		{"visits", Defaults(), OrgLife{Form: hezuo.FormBranch, Since: d("2015-01-01"), Last: recent, Contacts: []Contact{
			{Member: "王强", Household: "H1", Head: "李四", Since: d("2020-01-01"), LastVisit: d("2022-03-01")},
			{Member: "王强", Household: "H2", Head: "张三", Since: d("2020-01-01"), LastVisit: d("2022-03-08")},
			{Member: "王强", Household: "H3", Head: "赵五", Since: d("2022-02-01")}}},
			"contact_visit contact_visit", []int{7, 38}, "党员王强联系户李四（H1）：上次走访于 2022-03-01"},
		{"commitments", Defaults(), OrgLife{Form: hezuo.FormBranch, Since: d("2015-01-01"), Last: recent, Members: []Member{
			{Name: "甲", Since: d("2010-01-01"), Committed: true, LastYear: true, LastAssessed: true},
			{Name: "乙", Since: d("2010-01-01"), LastYear: true},
			{Name: "丙", Since: d("2022-05-01")}}},
			"commitment fulfilment", []int{69, 128}, "党员乙未作出 2022 年度承诺，应于 2022-03-31 前作出"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.org.PartyOrg, c.org.Name = "B-1", "某合作社党支部"
			got := c.s.OverdueOn([]OrgLife{c.org}, day)
			var kinds []string
			for i, o := range got {
				kinds = append(kinds, o.Kind)
				if i < len(c.days) && o.DaysOverdue != c.days[i] {
					t.Errorf("%s: %d days overdue, want %d", o.Kind, o.DaysOverdue, c.days[i])
				}
				if o.Reason.ZH == "" || o.Reason.EN == "" || o.Reason.Rule == "" {
					t.Errorf("reason %+v", o.Reason)
				}
			}
			if strings.Join(kinds, " ") != c.kinds {
				t.Fatalf("overdue %q, want %q", strings.Join(kinds, " "), c.kinds)
			}
			if c.text != "" && !strings.Contains(got[0].Reason.ZH, c.text) {
				t.Errorf("reason %q lacks %q", got[0].Reason.ZH, c.text)
			}
		})
	}
}
