package rules

import (
	"strings"
	"testing"

	"hezuo"
)

// Periods in years and months end on the corresponding day of the final
// month, or on its last day when it has none (民法典 Art. 202): a term, a
// probation or a meeting interval starting on 29 February or on the 31st.

func TestTermFrom29February(t *testing.T) {
	for _, tt := range []struct {
		day  string
		warn bool
	}{{"2023-02-27", false}, {"2023-02-28", true}, {"2023-03-01", true}} {
		f := org()
		f.FullMembers = 3
		f.Covers = []Cover{branch(3)}
		f.Covers[0].ElectedOn = hezuo.MustDate("2020-02-29")
		f.Secretary = leader
		d := Evaluate(f, hezuo.MustDate(tt.day), testEnv())
		if got := len(d.Warnings) == 1 && d.Warnings[0].Rule == KeyTermYearsBranch; got != tt.warn {
			t.Errorf("on %s: term warning %v, want %v: %q", tt.day, got, tt.warn, Texts(d.Warnings, "zh"))
		}
		if tt.warn && !strings.Contains(d.Warnings[0].ZH, "已于 2023-02-28 届满") {
			t.Errorf("on %s: %s", tt.day, d.Warnings[0].ZH)
		}
	}
}

func TestProbationFrom29February(t *testing.T) {
	h := []hezuo.PartyStatus{{Status: hezuo.StatusProbationary, Period: hezuo.Period{From: hezuo.MustDate("2024-02-29")}}}
	items := Development(Defaults(), h, hezuo.MustDate("2025-01-10"))
	if len(items) != 1 || items[0].Step != StepConversion || items[0].By.String() != "2025-02-28" {
		t.Fatalf("conversion of a probation begun on 29 February: %+v", items)
	}
	// Approval within 3 months of the end: overdue after 2025-05-28.
	for day, want := range map[string]string{"2025-05-28": DevDue, "2025-05-29": DevOverdue} {
		items := Development(Defaults(), h, hezuo.MustDate(day))
		if len(items) != 1 || items[0].State != want {
			t.Errorf("on %s: %+v, want %s", day, items, want)
		}
	}
}

func TestMeetingIntervalFrom31January(t *testing.T) {
	last := map[string]hezuo.Date{}
	for _, k := range hezuo.MeetingKinds {
		last[k] = hezuo.MustDate("2024-02-25")
	}
	last[hezuo.MeetingCommittee] = hezuo.MustDate("2024-01-31") // monthly: due 2024-02-29
	o := OrgLife{Form: hezuo.FormBranch, Since: hezuo.MustDate("2015-01-01"), HasCommittee: true, Last: last}
	for day, wantDays := range map[string]int{"2024-02-29": -1, "2024-03-01": 1, "2024-03-04": 4} {
		var got []Overdue
		for _, x := range Defaults().OverdueOn([]OrgLife{o}, hezuo.MustDate(day)) {
			if x.Kind == hezuo.MeetingCommittee {
				got = append(got, x)
			}
		}
		switch {
		case wantDays < 0 && len(got) != 0:
			t.Errorf("on %s the committee meeting is due, not overdue: %+v", day, got)
		case wantDays >= 0 && (len(got) != 1 || got[0].Due.String() != "2024-02-29" || got[0].DaysOverdue != wantDays):
			t.Errorf("on %s: %+v, want due 2024-02-29, %d days overdue", day, got, wantDays)
		}
	}
}
