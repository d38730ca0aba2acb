package rules

import (
	"strings"
	"testing"

	"hezuo"
)

func TestPeakExposure(t *testing.T) {
	x := func(no string, yuan int64, from, to string) Exposure {
		e := Exposure{LoanNo: no, AmountFen: yuan * 100, From: d(from)}
		if to != "" {
			e.To = d(to)
		}
		return e
	}
	cases := []struct {
		name  string
		xs    []Exposure
		peak  int64 // yuan
		at    string
		loans string
		err   bool
	}{
		{"none", nil, 0, "", "", false},
		{"one", []Exposure{x("A", 200000, "2020-01-01", "2021-01-01")}, 200000, "2020-01-01", "A", false},
		// A ends the day B starts: never both at once (half-open periods).
		{"back to back", []Exposure{x("A", 200000, "2020-01-01", "2021-01-01"), x("B", 200000, "2021-01-01", "")}, 200000, "2020-01-01", "A", false},
		{"overlapping", []Exposure{x("A", 200000, "2020-01-01", "2021-06-01"), x("B", 150000, "2021-01-01", "")}, 350000, "2021-01-01", "A B", true},
		{"at the cap", []Exposure{x("A", 100000, "2020-01-01", ""), x("B", 200000, "2021-01-01", "")}, 300000, "2021-01-01", "A B", false},
		{"three, two at a time", []Exposure{x("A", 100000, "2020-01-01", "2020-06-01"), x("B", 100000, "2020-03-01", "2020-09-01"),
			x("C", 150000, "2020-07-01", "")}, 250000, "2020-07-01", "B C", false},
	}
	s := Defaults() // a cap of 300,000 yuan
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			peak, at, loans := PeakExposure(c.xs)
			if peak != c.peak*100 || at.String() != c.at || strings.Join(loans, " ") != c.loans {
				t.Errorf("peak %d at %s on %v, want %d yuan at %s on %s", peak, at, loans, c.peak, c.at, c.loans)
			}
			err := s.CheckGuarantor("担保人", c.xs)
			if (err != nil) != c.err || (err != nil && hezuo.ErrorCode(err) != hezuo.EINVALID) {
				t.Errorf("CheckGuarantor: %v, want error %v", err, c.err)
			}
		})
	}
	s.GuarantorMaxYuan = 0
	if err := s.CheckGuarantor("担保人", cases[3].xs); err != nil {
		t.Errorf("no cap: %v", err)
	}
}
