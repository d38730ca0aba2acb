package hezuo

import (
	"errors"
	"reflect"
	"testing"
)

func TestPartyRecordValidate(t *testing.T) {
	birth, today := MustDate("1980-01-01"), MustDate("2022-06-08")
	d := MustDate
	for _, c := range []struct {
		name  string
		r     PartyRecord
		birth Date
		field string // "" when valid
	}{
		{"full, both dates, a year apart", PartyRecord{StatusFull, d("2010-07-01"), d("2011-07-01")}, birth, ""},
		{"full, conversion presumed, past", PartyRecord{StatusFull, d("2021-06-08"), Date{}}, birth, ""},
		// 党章 Art. 7: probation is one year; a full member admitted 11
		// months ago is not yet one.
		{"full, admitted 11 months ago", PartyRecord{StatusFull, d("2021-07-08"), Date{}}, birth, FieldJoinedParty},
		{"full, presumed on 29 Feb + 1 year = 28 Feb", PartyRecord{StatusFull, d("2020-02-29"), Date{}}, birth, ""},
		{"full, converted on 28 Feb after 29 Feb (Art. 202)", PartyRecord{StatusFull, d("2020-02-29"), d("2021-02-28")}, birth, ""},
		{"full, converted one day early", PartyRecord{StatusFull, d("2020-03-01"), d("2021-02-28")}, birth, FieldFullSince},
		{"full, converted before joining", PartyRecord{StatusFull, d("2015-07-01"), d("2014-07-01")}, birth, FieldFullSince},
		{"full, converted on the joining day", PartyRecord{StatusFull, d("2015-07-01"), d("2015-07-01")}, birth, FieldFullSince},
		{"full, conversion in the future", PartyRecord{StatusFull, d("2021-06-01"), d("2022-06-09")}, birth, FieldFullSince},
		{"full, only the conversion day", PartyRecord{StatusFull, Date{}, d("2011-07-01")}, birth, ""},
		{"full, unknown dates", PartyRecord{StatusFull, Date{}, Date{}}, birth, ""},
		{"probationary", PartyRecord{StatusProbationary, d("2021-07-08"), Date{}}, birth, ""},
		{"probationary, over a year (extended probation)", PartyRecord{StatusProbationary, d("2021-01-08"), Date{}}, birth, ""},
		{"probationary with a conversion day", PartyRecord{StatusProbationary, d("2020-07-08"), d("2021-07-08")}, birth, FieldFullSince},
		{"probationary, admitted tomorrow", PartyRecord{StatusProbationary, d("2022-06-09"), Date{}}, birth, FieldJoinedParty},
		// 党章 Art. 1: a member is at least 18.
		{"admitted on the 18th birthday", PartyRecord{StatusProbationary, d("2022-02-28"), Date{}}, d("2004-02-29"), ""},
		{"admitted the day before the 18th birthday", PartyRecord{StatusProbationary, d("2022-02-27"), Date{}}, d("2004-02-29"), FieldJoinedParty},
		{"full, only a conversion day, before 18", PartyRecord{StatusFull, Date{}, d("2021-02-27")}, d("2003-02-28"), FieldFullSince},
		{"full, only a conversion day, at 18", PartyRecord{StatusFull, Date{}, d("2021-02-28")}, d("2003-02-28"), ""},
		{"none with a joining date", PartyRecord{"", d("2010-07-01"), Date{}}, birth, FieldJoinedParty},
		{"none with a conversion date", PartyRecord{"", Date{}, d("2010-07-01")}, birth, FieldFullSince},
		{"none", PartyRecord{}, birth, ""},
		{"unknown status", PartyRecord{Status: "member"}, birth, FieldPoliticalStatus},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.r.Validate(c.birth, today, 12)
			var e *Error
			switch {
			case c.field == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.field != "" && !errors.As(err, &e):
				t.Fatalf("accepted, want a problem in %s", c.field)
			case c.field != "" && (e.Field != c.field || e.Code != EINVALID):
				t.Fatalf("problem %s %s (%s), want in %s", e.Code, e.Field, e.ZH, c.field)
			}
		})
	}
}

func TestPartyRecordSteps(t *testing.T) {
	d := MustDate
	id, u := "X", d("2016-05-01")
	prob := func(from, to string) PartyStatus {
		s := PartyStatus{IDNumber: id, Status: StatusProbationary, Period: Period{From: d(from)}}
		if to != "" {
			s.To = d(to)
		}
		return s
	}
	full := func(from string) PartyStatus {
		return PartyStatus{IDNumber: id, Status: StatusFull, Period: Period{From: d(from)}}
	}
	for _, c := range []struct {
		name string
		r    PartyRecord
		want []PartyStatus
	}{
		{"full, presumed", PartyRecord{StatusFull, d("2020-02-29"), Date{}}, []PartyStatus{prob("2020-02-29", "2021-02-28"), full("2021-02-28")}},
		{"full, stated", PartyRecord{StatusFull, d("2010-07-01"), d("2011-09-01")}, []PartyStatus{prob("2010-07-01", "2011-09-01"), full("2011-09-01")}},
		{"full, conversion only", PartyRecord{StatusFull, Date{}, d("2011-09-01")}, []PartyStatus{full("2011-09-01")}},
		{"probationary", PartyRecord{StatusProbationary, d("2021-07-08"), Date{}}, []PartyStatus{prob("2021-07-08", "")}},
		{"full, unknown", PartyRecord{Status: StatusFull}, []PartyStatus{{IDNumber: id, Status: StatusFull, FromUnknown: true, Period: Period{From: u}}}},
		{"none", PartyRecord{}, nil},
	} {
		if got := c.r.Steps(id, 12, u); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: steps %+v, want %+v", c.name, got, c.want)
		}
	}
}
