package rules

import (
	"strings"
	"testing"

	"hezuo"
)

var d = hezuo.MustDate

// flat is a table of one reference rate, 3.70% since 2000: the cases below
// check the formula, the proportion, overdue days and the caps; rates.go's
// tests check the rates in force.
var flat = NewRateTable([]hezuo.LendingRate{{EffectiveFrom: d("2000-01-01"), Kind: hezuo.RateLPR, RatePPM: 37000, Source: "test"}})

// loan100k is 100,000 yuan at 4.35% from 2021-01-01 with the given repayments.
func loan100k(no string, reps ...hezuo.Repayment) SubsidyLoan {
	return SubsidyLoan{No: no, Borrower: "B1", AmountFen: 10_000_000, RatePPM: 43500, DisbursedOn: d("2021-01-01"),
		DueOn: d("2022-01-01"), Repayments: reps}
}

func rep(on string, principal, interest int64) hezuo.Repayment {
	return hezuo.Repayment{PaidOn: d(on), PrincipalFen: principal, InterestFen: interest}
}

// TestSubsidies checks hand-worked cases. Interest of 100,000 yuan at 4.35%
// for the 365 days of 2021 is 10,000,000 fen × 365 × 0.0435 / 360 =
// 441,041.67 → 441,042 fen. Half of min(4.35%, LPR 3.70%) is 1.85%.
func TestSubsidies(t *testing.T) {
	def := Defaults()
	with := func(f func(*Settings)) Settings { s := Defaults(); f(&s); return s }
	full := rep("2022-01-01", 10_000_000, 441_042)
	cases := []struct {
		name  string
		s     Settings
		loans []SubsidyLoan
		year  int
		asOf  string
		want  []int64  // subsidy per loan, in order of disbursement
		gross []int64  // before caps, when it differs
		rule  string   // a reason rule the first loan must carry
		rate  int      // the first loan's subsidy rate, when checked
		none  bool     // no subsidy at all
		extra []string // substrings of the first loan's Chinese reasons
	}{
		// 10,000,000 × 365 × 0.0185 / 360 = 187,569.44.
		{name: "360-day year", s: def, loans: []SubsidyLoan{loan100k("A", full)}, year: 2022, asOf: "2022-06-08",
			want: []int64{187_569}, rate: 18500, rule: KeySubsidyShareOfRefPct, extra: []string{"÷360"}},
		// 10,000,000 × 365 × 0.0185 / 365 = 185,000.
		{name: "365-day year", s: with(func(s *Settings) { s.SubsidyDays365 = true }), loans: []SubsidyLoan{loan100k("A", full)},
			year: 2022, asOf: "2022-06-08", want: []int64{185_000}, extra: []string{"÷365"}},
		// The loan's 3.00% is below the LPR: 1.50% on 181 days, 10,000,000 × 181 × 0.015 / 360 = 75,416.67.
		{name: "loan rate below the LPR", s: def, loans: []SubsidyLoan{{No: "B", Borrower: "B1", AmountFen: 10_000_000, RatePPM: 30000,
			DisbursedOn: d("2021-01-01"), DueOn: d("2022-01-01"), Repayments: []hezuo.Repayment{rep("2021-07-01", 0, 150_833)}}},
			year: 2021, asOf: "2021-12-31", want: []int64{75_417}, rate: 15000},
		// A fixed 2%: 10,000,000 × 365 × 0.02 / 360 = 202,777.78.
		{name: "fixed rate", s: with(func(s *Settings) { s.SubsidyFixedRate = true }), loans: []SubsidyLoan{loan100k("A", full)},
			year: 2022, asOf: "2022-06-08", want: []int64{202_778}, rate: 20000, rule: KeySubsidyFixedRateBP},
		// A fixed 2% above the loan's 1.5%: the loan's rate, 10,000,000 × 365 × 0.015 / 360 = 152,083.33.
		{name: "fixed rate above the loan's", s: with(func(s *Settings) { s.SubsidyFixedRate = true }),
			loans: []SubsidyLoan{{No: "C", Borrower: "B1", AmountFen: 10_000_000, RatePPM: 15000, DisbursedOn: d("2021-01-01"),
				DueOn: d("2022-01-01"), Repayments: []hezuo.Repayment{rep("2022-01-01", 10_000_000, 152_083)}}},
			year: 2022, asOf: "2022-06-08", want: []int64{152_083}, rate: 15000},
		// Due 2021-07-01, repaid 2022-01-01: 184 overdue days out; 10,000,000 × 181 × 0.0185 / 360 = 93,013.89.
		{name: "overdue period", s: def, loans: []SubsidyLoan{{No: "D", Borrower: "B1", AmountFen: 10_000_000, RatePPM: 43500,
			DisbursedOn: d("2021-01-01"), DueOn: d("2021-07-01"), Repayments: []hezuo.Repayment{full}}},
			year: 2022, asOf: "2022-06-08", want: []int64{93_014}, rule: RuleSubsidyOverdue, extra: []string{"逾期 184 天"}},
		{name: "interest not paid", s: def, loans: []SubsidyLoan{loan100k("E")}, year: 2021, asOf: "2021-12-31", none: true},
		{name: "paid after the as-of day", s: def, loans: []SubsidyLoan{loan100k("E", full)}, year: 2022, asOf: "2021-12-31", none: true},
		{name: "paid in another year", s: def, loans: []SubsidyLoan{loan100k("E", full)}, year: 2021, asOf: "2022-06-08", none: true},
		// Half the interest paid: 187,569 × 220,521 / 441,042 = 93,784.5 → 93,784.
		{name: "interest paid in part", s: def, loans: []SubsidyLoan{loan100k("F", rep("2022-01-01", 10_000_000, 220_521))},
			year: 2022, asOf: "2022-06-08", want: []int64{93_784}, rule: RuleSubsidyPartial},
		// Half the principal back on 2021-07-01: 10,000,000 × 181 + 5,000,000 × 184 = 2,730,000,000 fen-days;
		// interest 329,875; subsidy 2,730,000,000 × 0.0185 / 360 = 140,291.67.
		{name: "principal repaid in part", s: def, loans: []SubsidyLoan{loan100k("G", rep("2021-07-01", 5_000_000, 0),
			rep("2022-01-01", 5_000_000, 329_875))}, year: 2022, asOf: "2022-06-08", want: []int64{140_292}},
		// 2,000,000 yuan for 365 days: 200,000,000 × 365 × 0.0185 / 360 = 3,751,388.89, capped at 20,000 yuan.
		{name: "cap per loan", s: def, loans: []SubsidyLoan{{No: "I", Borrower: "B1", AmountFen: 200_000_000, RatePPM: 43500,
			DisbursedOn: d("2021-01-01"), DueOn: d("2022-01-01"), Repayments: []hezuo.Repayment{rep("2022-01-01", 200_000_000, 8_820_833)}}},
			year: 2022, asOf: "2022-06-08", want: []int64{2_000_000}, gross: []int64{3_751_389}, rule: KeySubsidyMaxPerLoanYuan},
		// Two loans of 1,000,000 yuan, 1,875,694 each; the borrower's 30,000 yuan leave 1,124,306 for the second.
		{name: "cap per borrower", s: def, loans: []SubsidyLoan{
			{No: "K2", Borrower: "B9", AmountFen: 100_000_000, RatePPM: 43500, DisbursedOn: d("2021-01-02"), DueOn: d("2022-01-02"),
				Repayments: []hezuo.Repayment{rep("2022-01-02", 100_000_000, 4_410_417)}},
			{No: "K1", Borrower: "B9", AmountFen: 100_000_000, RatePPM: 43500, DisbursedOn: d("2021-01-01"), DueOn: d("2022-01-01"),
				Repayments: []hezuo.Repayment{rep("2022-01-01", 100_000_000, 4_410_417)}}},
			year: 2022, asOf: "2022-06-08", want: []int64{1_875_694, 1_124_306}, gross: []int64{1_875_694, 1_875_694}},
		{name: "no caps", s: with(func(s *Settings) { s.SubsidyMaxPerLoanYuan, s.SubsidyMaxPerBorrowerYuan = 0, 0 }),
			loans: []SubsidyLoan{{No: "I", Borrower: "B1", AmountFen: 200_000_000, RatePPM: 43500, DisbursedOn: d("2021-01-01"),
				DueOn: d("2022-01-01"), Repayments: []hezuo.Repayment{rep("2022-01-01", 200_000_000, 8_820_833)}}},
			year: 2022, asOf: "2022-06-08", want: []int64{3_751_389}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.s.Subsidies(c.loans, c.year, d(c.asOf), flat)
			if c.none {
				if len(got) != 0 {
					t.Fatalf("want no subsidy, got %+v", got)
				}
				return
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %d subsidies %+v, want %d", len(got), got, len(c.want))
			}
			for i, w := range c.want {
				if got[i].SubsidyFen != w {
					t.Errorf("loan %s: subsidy %d fen, want %d (%+v)", got[i].LoanNo, got[i].SubsidyFen, w, got[i])
				}
				if c.gross != nil && got[i].GrossFen != c.gross[i] {
					t.Errorf("loan %s: gross %d fen, want %d", got[i].LoanNo, got[i].GrossFen, c.gross[i])
				}
				if got[i].CutFen != got[i].GrossFen-got[i].SubsidyFen {
					t.Errorf("cut %d is not gross − subsidy", got[i].CutFen)
				}
			}
			if c.rate != 0 && got[0].RatePPM != c.rate {
				t.Errorf("rate %d ppm, want %d", got[0].RatePPM, c.rate)
			}
			zh := ""
			rules := map[string]bool{}
			for _, r := range got[0].Reasons {
				zh += r.ZH + "\n"
				rules[r.Rule] = true
				if r.ZH == "" || r.EN == "" {
					t.Errorf("reason without both languages: %+v", r)
				}
			}
			if c.rule != "" && !rules[c.rule] {
				t.Errorf("no reason of rule %s in\n%s", c.rule, zh)
			}
			for _, x := range c.extra {
				if !strings.Contains(zh, x) {
					t.Errorf("reasons lack %q:\n%s", x, zh)
				}
			}
		})
	}
}

// TestSubsidyTwoPayments: interest paid on 2021-07-01 (181 days) and
// 2022-01-01 (184 days): 10,000,000 × 181 × 0.0185 / 360 = 93,013.89 →
// 93,014 in 2021 and 10,000,000 × 184 × 0.0185 / 360 = 94,555.56 → 94,556
// in 2022.
func TestSubsidyTwoPayments(t *testing.T) {
	l := SubsidyLoan{No: "H", Borrower: "B1", AmountFen: 10_000_000, RatePPM: 43500, DisbursedOn: d("2021-01-01"),
		DueOn: d("2022-06-30"), Repayments: []hezuo.Repayment{rep("2022-01-01", 0, 222_333), rep("2021-07-01", 0, 218_708)}}
	s := Defaults()
	for year, want := range map[int]int64{2021: 93_014, 2022: 94_556} {
		got := s.Subsidies([]SubsidyLoan{l}, year, d("2022-06-08"), flat)
		if len(got) != 1 || got[0].SubsidyFen != want || len(got[0].Periods) != 1 {
			t.Errorf("%d: %+v, want %d fen in one period", year, got, want)
			continue
		}
		if p := got[0].Periods[0]; p.InterestPaidFen < p.InterestDueFen {
			t.Errorf("%d: interest due %d > paid %d: the demo's interest would not count as paid", year, p.InterestDueFen, p.InterestPaidFen)
		}
	}
	// The interest since 2022-01-01 is unpaid on 2022-06-08: said so.
	got := s.Subsidies([]SubsidyLoan{l}, 2022, d("2022-06-08"), flat)
	found := false
	for _, r := range got[0].Reasons {
		found = found || r.Rule == RuleSubsidyUnpaid
	}
	if !found {
		t.Errorf("no reason about the unpaid interest since 2022-01-01: %+v", got[0].Reasons)
	}
}

func TestInterestFen(t *testing.T) {
	for _, c := range []struct {
		fenDays int64
		ppm     int
		basis   int
		want    int64
	}{
		{10_000_000 * 365, 43500, 360, 441_042},
		{10_000_000 * 181, 43500, 360, 218_708},
		{10_000_000 * 184, 43500, 360, 222_333},
		{10_000_000 * 365, 18500, 365, 185_000},
		{0, 43500, 360, 0},
	} {
		if got := hezuo.InterestFen(c.fenDays, c.ppm, c.basis); got != c.want {
			t.Errorf("InterestFen(%d, %d, %d) = %d, want %d", c.fenDays, c.ppm, c.basis, got, c.want)
		}
	}
}
