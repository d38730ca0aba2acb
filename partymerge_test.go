package hezuo

import (
	"errors"
	"reflect"
	"testing"
)

// step is a stored step for the merge tests: id, status, from, to ("" open).
func step(id int64, status, from, to string) PartyStatus {
	s := PartyStatus{ID: id, IDNumber: "X", Status: status, HomePartyOrg: "", Period: Period{From: MustDate(from)}}
	if to != "" {
		s.To = MustDate(to)
	}
	return s
}

func unknownStep(s PartyStatus) PartyStatus { s.FromUnknown = true; return s }

func TestPartyRecordMerge(t *testing.T) {
	d := MustDate
	today, joinedOrg := d("2022-06-08"), d("2016-05-01")
	activist := step(1, StatusActivist, "2008-03-01", "")
	history := []PartyStatus{step(1, StatusActivist, "2008-03-01", "2010-07-01"), step(2, StatusProbationary, "2010-07-01", "2011-07-01"),
		step(3, StatusFull, "2011-07-01", "")}
	for _, c := range []struct {
		name     string
		have     []PartyStatus
		r        PartyRecord
		want     []PartyStatus
		presumed bool
		unknown  bool
		field    string // the problem's field, "" when merged
	}{
		{"new, presumed", nil, PartyRecord{StatusFull, d("2020-02-29"), Date{}},
			[]PartyStatus{step(0, StatusProbationary, "2020-02-29", "2021-02-28"), step(0, StatusFull, "2021-02-28", "")}, true, false, ""},
		{"the stored history restated", history, PartyRecord{StatusFull, d("2010-07-01"), d("2011-07-01")}, nil, false, false, ""},
		{"the stored history, without the conversion day (presumed the same)", history, PartyRecord{StatusFull, d("2010-07-01"), Date{}}, nil, true, false, ""},
		{"the stored history, no dates", history, PartyRecord{Status: StatusFull}, nil, false, false, ""},
		{"dates corrected", history, PartyRecord{StatusFull, d("2010-05-01"), d("2011-08-01")},
			[]PartyStatus{step(2, StatusProbationary, "2010-05-01", "2011-08-01"), step(3, StatusFull, "2011-08-01", ""), step(1, StatusActivist, "2008-03-01", "2010-05-01")}, false, false, ""},
		{"admission moved later: the activist step follows", history, PartyRecord{StatusFull, d("2010-09-01"), d("2011-09-01")},
			[]PartyStatus{step(2, StatusProbationary, "2010-09-01", "2011-09-01"), step(3, StatusFull, "2011-09-01", ""), step(1, StatusActivist, "2008-03-01", "2010-09-01")}, false, false, ""},
		{"admission before the stored activist step", history, PartyRecord{StatusFull, d("2007-01-01"), d("2008-01-01")}, nil, false, false, FieldJoinedParty},
		{"a lone full step (older imports) restated by its conversion day", []PartyStatus{step(7, StatusFull, "2005-01-01", "")},
			PartyRecord{StatusFull, Date{}, d("2005-01-01")}, nil, false, false, ""},
		{"activist admitted", []PartyStatus{activist}, PartyRecord{StatusProbationary, d("2021-07-08"), Date{}},
			[]PartyStatus{step(0, StatusProbationary, "2021-07-08", ""), step(1, StatusActivist, "2008-03-01", "2021-07-08")}, false, false, ""},
		{"probation ended (presumed from the stored admission)", []PartyStatus{step(4, StatusProbationary, "2021-01-01", "")}, PartyRecord{Status: StatusFull},
			[]PartyStatus{step(4, StatusProbationary, "2021-01-01", "2022-01-01"), step(0, StatusFull, "2022-01-01", "")}, true, false, ""},
		{"probation not yet ended", []PartyStatus{step(4, StatusProbationary, "2021-09-01", "")}, PartyRecord{Status: StatusFull}, nil, false, false, FieldPoliticalStatus},
		{"full to probationary", history, PartyRecord{StatusProbationary, d("2010-07-01"), Date{}}, nil, false, false, FieldPoliticalStatus},
		{"full to none", history, PartyRecord{}, nil, false, false, FieldPoliticalStatus},
		{"activist, none stated", []PartyStatus{activist}, PartyRecord{}, nil, false, false, ""},
		{"new, unknown", nil, PartyRecord{Status: StatusFull},
			[]PartyStatus{unknownStep(step(0, StatusFull, "2016-05-01", ""))}, false, true, ""},
		{"activist, full unknown", []PartyStatus{activist}, PartyRecord{Status: StatusFull},
			[]PartyStatus{unknownStep(step(0, StatusFull, "2016-05-01", "")), step(1, StatusActivist, "2008-03-01", "2016-05-01")}, false, true, ""},
		{"unknown, then dates", []PartyStatus{step(1, StatusActivist, "2008-03-01", "2016-05-01"), unknownStep(step(5, StatusFull, "2016-05-01", ""))},
			PartyRecord{StatusFull, d("2018-07-01"), Date{}},
			[]PartyStatus{step(0, StatusProbationary, "2018-07-01", "2019-07-01"), step(5, StatusFull, "2019-07-01", ""), step(1, StatusActivist, "2008-03-01", "2018-07-01")}, true, false, ""},
		{"unknown restated", []PartyStatus{unknownStep(step(5, StatusFull, "2016-05-01", ""))}, PartyRecord{Status: StatusFull}, nil, false, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := c.r.Validate(Date{}, today, 12); err != nil {
				t.Fatalf("the record is invalid: %v", err)
			}
			m, err := c.r.Merge("X", c.have, joinedOrg, today, 12)
			var e *Error
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && !errors.As(err, &e):
				t.Fatalf("merged %+v, want a problem in %s", m.Write, c.field)
			case c.field != "" && e.Field != c.field:
				t.Fatalf("problem in %s (%s), want in %s", e.Field, e.ZH, c.field)
			case c.field != "":
				return
			}
			if !reflect.DeepEqual(m.Write, c.want) {
				t.Errorf("writes\n %+v\nwant\n %+v", m.Write, c.want)
			}
			if m.Presumed != c.presumed || m.Unknown != c.unknown {
				t.Errorf("presumed %v unknown %v, want %v %v", m.Presumed, m.Unknown, c.presumed, c.unknown)
			}
		})
	}
}

// TestPartyRecordOfMergesToNothing: what the steps state, merged back,
// changes nothing (the export → import round trip).
func TestPartyRecordOfMergesToNothing(t *testing.T) {
	today := MustDate("2022-06-08")
	for _, have := range [][]PartyStatus{
		nil,
		{step(1, StatusActivist, "2008-03-01", "")},
		{step(1, StatusActivist, "2008-03-01", "2010-07-01"), step(2, StatusProbationary, "2010-07-01", "2011-07-03"), step(3, StatusFull, "2011-07-03", "")},
		{step(2, StatusProbationary, "2021-07-08", "")},
		{unknownStep(step(2, StatusProbationary, "2021-07-08", ""))},
		{step(3, StatusFull, "2005-01-01", "")},
		{unknownStep(step(2, StatusProbationary, "2015-07-08", "2016-07-08")), step(3, StatusFull, "2016-07-08", "")},
		{step(1, StatusActivist, "2008-03-01", "2016-05-01"), unknownStep(step(5, StatusFull, "2016-05-01", ""))},
	} {
		r := PartyRecordOf(have, today)
		m, err := r.Merge("X", have, today, today, 12)
		if err != nil || len(m.Write) > 0 {
			t.Errorf("%+v: stated as %+v, merged back: %+v, %v", have, r, m.Write, err)
		}
	}
}
