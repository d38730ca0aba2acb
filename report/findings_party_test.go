package report

import (
	"strings"
	"testing"

	"hezuo"
)

// TestFindingsListUnknownPartyDates: party members counted without a known
// start are a warning naming each, with the count; none is an "ok".
func TestFindingsListUnknownPartyDates(t *testing.T) {
	find := func(in *Input, lang, prefix string) *Finding {
		for _, f := range findingsOf(Build(in, lang)) {
			if strings.HasPrefix(f.Title, prefix) || strings.Contains(f.Title, prefix) {
				return &f
			}
		}
		return nil
	}
	in := seedInput()
	if f := find(in, "zh", "无入党日期不详的党员"); f == nil || f.Severity != SevOK {
		t.Errorf("none: %+v", f)
	}
	in.UnknownPartyDates = []hezuo.UnknownPartyDate{
		{Name: "金正浩", Status: hezuo.StatusFull, CountedFrom: hezuo.MustDate("2015-03-01"), OrgNo: "A", OrgName: "甲合作社"},
		{Name: "朴英子", Status: hezuo.StatusProbationary, CountedFrom: hezuo.MustDate("2021-05-01"), OrgNo: "B", OrgName: "乙协会"},
	}
	f := find(in, "zh", "2名党员入党日期不详，按加入组织日期计为党员，请补录")
	if f == nil || f.Severity != SevWarning || len(f.Items) != 2 || f.Items[0] != "金正浩（A 甲合作社，中共党员，自 2015-03-01 起计）" {
		t.Fatalf("finding %+v", f)
	}
	if f := find(in, "en", "2 party members without a joining date"); f == nil || !strings.Contains(f.Items[1], "counted from 2021-05-01") {
		t.Errorf("English: %+v", f)
	}
}
