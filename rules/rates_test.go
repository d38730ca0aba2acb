package rules

import (
	"strconv"
	"strings"
	"testing"

	"hezuo"
)

// history is part of the table of reference rates (domain-rules.md §12):
// the 1-year benchmark lending rate from 2008-12-23 and the 1-year LPR
// around 2022.
func history(from string) RateTable {
	rows := []hezuo.LendingRate{
		{EffectiveFrom: d("2008-12-23"), Kind: hezuo.RateBenchmark, RatePPM: 53100, Source: "PBoC"},
		{EffectiveFrom: d("2010-10-20"), Kind: hezuo.RateBenchmark, RatePPM: 55600, Source: "PBoC"},
		{EffectiveFrom: d("2010-12-26"), Kind: hezuo.RateBenchmark, RatePPM: 58100, Source: "PBoC"},
		{EffectiveFrom: d("2011-02-09"), Kind: hezuo.RateBenchmark, RatePPM: 60600, Source: "PBoC"},
		{EffectiveFrom: d("2015-10-24"), Kind: hezuo.RateBenchmark, RatePPM: 43500, Source: "PBoC"},
		{EffectiveFrom: d("2019-08-20"), Kind: hezuo.RateLPR, RatePPM: 42500, Source: "NIFC"},
		{EffectiveFrom: d("2022-01-20"), Kind: hezuo.RateLPR, RatePPM: 37000, Source: "NIFC"},
		{EffectiveFrom: d("2022-08-22"), Kind: hezuo.RateLPR, RatePPM: 36500, Source: "NIFC"},
		{EffectiveFrom: d("2023-06-20"), Kind: hezuo.RateLPR, RatePPM: 35500, Source: "NIFC"},
	}
	var out []hezuo.LendingRate
	for _, r := range rows {
		if !r.EffectiveFrom.Before(d(from)) {
			out = append(out, r)
		}
	}
	// Out of order on purpose: NewRateTable sorts.
	out[0], out[len(out)-1] = out[len(out)-1], out[0]
	return NewRateTable(out)
}

func TestRateTableSplit(t *testing.T) {
	tbl := history("2008-12-23")
	for _, c := range []struct {
		from, to string
		want     []string // from:rate of each part
	}{
		{"2022-07-01", "2022-10-01", []string{"2022-07-01:37000", "2022-08-22:36500"}},
		{"2022-08-22", "2022-10-01", []string{"2022-08-22:36500"}}, // from on the change day
		{"2022-07-01", "2022-08-22", []string{"2022-07-01:37000"}}, // to on the change day: no empty part
		{"2010-11-01", "2011-03-01", []string{"2010-11-01:55600", "2010-12-26:58100", "2011-02-09:60600"}},
		{"2009-01-01", "2009-06-01", []string{"2009-01-01:53100"}},
		{"2024-01-01", "2024-02-01", []string{"2024-01-01:35500"}}, // after the last row: the last rate
		{"2022-07-01", "2022-07-01", nil},
	} {
		parts, err := tbl.Split(d(c.from), d(c.to))
		if err != nil {
			t.Errorf("%s..%s: %v", c.from, c.to, err)
			continue
		}
		var got []string
		days := 0
		for _, p := range parts {
			got = append(got, p.From.String()+":"+strconv.Itoa(p.Row.RatePPM))
			days += p.From.DaysUntil(p.To)
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") || days != d(c.from).DaysUntil(d(c.to)) {
			t.Errorf("%s..%s: %v (%d days), want %v", c.from, c.to, got, days, c.want)
		}
	}
	// Before the table's first row: unknown, never a later rate.
	for _, tb := range []RateTable{history("2010-10-20"), nil} {
		if parts, err := tb.Split(d("2010-01-01"), d("2010-12-01")); err == nil || hezuo.ErrorCode(err) != hezuo.ENOTFOUND {
			t.Errorf("a period before the first row: %v, %v", parts, err)
		}
	}
}

// TestSubsidyRateInForce: the subsidy of each day takes the reference rate
// in force that day. Hand-worked, 100,000 yuan (10,000,000 fen), half the
// lower of the loan's rate and the reference rate, 360-day year.
func TestSubsidyRateInForce(t *testing.T) {
	s := Defaults()
	loan := func(no string, ppm int, from, paid string, interest int64) SubsidyLoan {
		return SubsidyLoan{No: no, Borrower: "B" + no, AmountFen: 10_000_000, RatePPM: ppm, DisbursedOn: d(from), DueOn: d("2030-01-01"),
			Repayments: []hezuo.Repayment{rep(paid, 0, interest)}}
	}
	type part struct {
		from      string
		kind      string
		ref, rate int
		fen       int64
	}
	for _, c := range []struct {
		name  string
		loan  SubsidyLoan
		year  int
		want  int64
		parts []part
	}{
		// A 2010 loan at 6.00%, interest paid 2011-01-01 for 61 days: 55 days at the
		// benchmark 5.56% (2.78%: 10,000,000 × 55 × 0.0278 / 360 = 42,472.22) and, from
		// 2010-12-26, 6 days at 5.81% (2.905%: 4,841.67). Not the LPR of 2022.
		{"2010 loan, 2010 benchmark rates", loan("A", 60000, "2010-11-01", "2011-01-01", 101_667), 2011, 42_472 + 4_842,
			[]part{{"2010-11-01", hezuo.RateBenchmark, 55600, 27800, 42_472}, {"2010-12-26", hezuo.RateBenchmark, 58100, 29050, 4_842}}},
		// 4.35% from 2022-07-01, interest paid 2022-10-01 for 92 days: 52 days at the LPR
		// 3.70% (1.85%: 26,722.22), from 2022-08-22 40 days at 3.65% (1.825%: 20,277.78).
		{"period spanning 2022-08-22", loan("B", 43500, "2022-07-01", "2022-10-01", 111_167), 2022, 26_722 + 20_278,
			[]part{{"2022-07-01", hezuo.RateLPR, 37000, 18500, 26_722}, {"2022-08-22", hezuo.RateLPR, 36500, 18250, 20_278}}},
		// min(actual, reference) × share per part: a 3.68% loan is below the 3.70% LPR
		// (1.84%: 26,577.78) and above the 3.65% (1.825%: 20,277.78).
		{"loan's rate between the two", loan("C", 36800, "2022-07-01", "2022-10-01", 94_045), 2022, 26_578 + 20_278,
			[]part{{"2022-07-01", hezuo.RateLPR, 37000, 18400, 26_578}, {"2022-08-22", hezuo.RateLPR, 36500, 18250, 20_278}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := s.Subsidies([]SubsidyLoan{c.loan}, c.year, d("2030-01-01"), history("2008-12-23"))
			if len(got) != 1 || len(got[0].Periods) != 1 {
				t.Fatalf("%+v", got)
			}
			g := got[0]
			if g.GrossFen != c.want || g.SubsidyFen != c.want || g.RateUnknown {
				t.Errorf("subsidy %d (gross %d, unknown %v), want %d", g.SubsidyFen, g.GrossFen, g.RateUnknown, c.want)
			}
			rs := g.Periods[0].Rates
			if len(rs) != len(c.parts) {
				t.Fatalf("parts %+v, want %+v", rs, c.parts)
			}
			for i, w := range c.parts {
				if r := rs[i]; r.From.String() != w.from || r.Kind != w.kind || r.ReferencePPM != w.ref || r.RatePPM != w.rate || r.SubsidyFen != w.fen {
					t.Errorf("part %d: %+v, want %+v", i, r, w)
				}
			}
			if g.RatePPM != c.parts[len(c.parts)-1].rate {
				t.Errorf("rate_ppm %d, want the last part's %d", g.RatePPM, c.parts[len(c.parts)-1].rate)
			}
			if p := g.Periods[0]; p.InterestPaidFen < p.InterestDueFen {
				t.Errorf("interest due %d > paid %d", p.InterestDueFen, p.InterestPaidFen)
			}
		})
	}

	// A loan of 2010-01-01 when the table starts on 2010-10-20: unknown, no
	// subsidy, and said so; with the rows from 2008-12-23, 292 days at 5.31%
	// (2.655%: 10,000,000 × 292 × 0.02655 / 360 = 215,350) and from
	// 2010-10-20 42 days at 5.56% (2.78%: 32,433.33).
	l := loan("D", 60000, "2010-01-01", "2010-12-01", 556_667)
	got := s.Subsidies([]SubsidyLoan{l}, 2010, d("2030-01-01"), history("2010-10-20"))
	if len(got) != 1 || !got[0].RateUnknown || got[0].SubsidyFen != 0 || got[0].GrossFen != 0 {
		t.Fatalf("before the table: %+v", got)
	}
	found := false
	for _, r := range got[0].Reasons {
		found = found || (r.Rule == RuleSubsidyRateUnknown && strings.Contains(r.ZH, "2010-10-20"))
	}
	if !found {
		t.Errorf("no reason about the unknown rate: %+v", got[0].Reasons)
	}
	got = s.Subsidies([]SubsidyLoan{l}, 2010, d("2030-01-01"), history("2008-12-23"))
	if len(got) != 1 || got[0].RateUnknown || got[0].SubsidyFen != 215_350+32_433 {
		t.Errorf("with 2008's row: %+v", got)
	}
}
