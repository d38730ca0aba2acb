package hezuo

import (
	"strings"
	"testing"
)

func TestYuanAndPercent(t *testing.T) {
	for fen, want := range map[int64]string{0: "0.00", 5: "0.05", 100_000_00: "100,000.00", 2_275_000_000: "22,750,000.00",
		-123_45: "-123.45", 99_999_999: "999,999.99"} {
		if got := Yuan(fen); got != want {
			t.Errorf("Yuan(%d) = %q, want %q", fen, got, want)
		}
	}
	for ppm, want := range map[int]string{43500: "4.35%", 37000: "3.70%", 47850: "4.785%", 0: "0.00%", 200000: "20.00%", 12345: "1.2345%"} {
		if got := Percent(ppm); got != want {
			t.Errorf("Percent(%d) = %q, want %q", ppm, got, want)
		}
	}
}

func TestLoanStatus(t *testing.T) {
	l := Loan{No: "L", Borrower: "x", AmountFen: 1000, RatePPM: 43500, TermMonths: 12, Lender: "农行",
		AppliedOn: MustDate("2021-01-01"), ApprovedOn: MustDate("2021-01-10"), DisbursedOn: MustDate("2021-02-01")}
	if l.Due() != MustDate("2022-02-01") {
		t.Errorf("due %s", l.Due())
	}
	for _, c := range []struct {
		day    string
		repaid int64
		want   string
	}{
		{"2020-12-31", 0, ""}, {"2021-01-01", 0, LoanApplied}, {"2021-01-10", 0, LoanApproved},
		{"2021-02-01", 0, LoanDisbursed}, {"2022-02-01", 500, LoanDisbursed}, {"2022-02-02", 500, LoanOverdue},
		{"2022-02-02", 1000, LoanRepaid},
	} {
		if got := l.StatusOn(MustDate(c.day), c.repaid); got != c.want {
			t.Errorf("%s, %d repaid: %q, want %q", c.day, c.repaid, got, c.want)
		}
	}
	r := l
	r.ApprovedOn, r.DisbursedOn, r.RejectedOn = Date{}, Date{}, MustDate("2021-01-20")
	if got := r.StatusOn(MustDate("2021-02-01"), 0); got != LoanRejected {
		t.Errorf("rejected loan: %q", got)
	}
}

func TestLoanAsOf(t *testing.T) {
	base := Loan{No: "L", AmountFen: 1000, TermMonths: 12, AppliedOn: MustDate("2021-01-01"), ApprovedOn: MustDate("2021-01-10"),
		DisbursedOn: MustDate("2021-02-01"), DueOn: MustDate("2022-02-01")}
	l := base
	if st, out := l.AsOf(MustDate("2021-01-15"), 0); st != LoanApproved || out != 0 || !l.DisbursedOn.IsZero() || !l.DueOn.IsZero() || l.ApprovedOn.IsZero() {
		t.Errorf("before disbursement: %q %d %+v", st, out, l)
	}
	l = base
	if st, out := l.AsOf(MustDate("2021-06-01"), 300); st != LoanDisbursed || out != 700 || l.DueOn != base.DueOn {
		t.Errorf("disbursed: %q %d %+v", st, out, l)
	}
}

func TestLoanValidate(t *testing.T) {
	ok := Loan{No: "L", Borrower: "x", OrgNo: "O", AmountFen: 1000, RatePPM: 43500, TermMonths: 12, Lender: "农行",
		AppliedOn: MustDate("2021-01-01"), ApprovedOn: MustDate("2021-01-10"), DisbursedOn: MustDate("2021-02-01")}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for field, f := range map[string]func(*Loan){
		"borrower":     func(l *Loan) { l.PartyOrg = "P" },
		"amount_fen":   func(l *Loan) { l.AmountFen = 0 },
		"rate_ppm":     func(l *Loan) { l.RatePPM = 400000 },
		"term_months":  func(l *Loan) { l.TermMonths = 0 },
		"approved_on":  func(l *Loan) { l.ApprovedOn = MustDate("2020-12-31") },
		"disbursed_on": func(l *Loan) { l.DisbursedOn = MustDate("2021-01-05") },
		"rejected_on":  func(l *Loan) { l.RejectedOn = MustDate("2021-01-05") },
		"lender":       func(l *Loan) { l.Lender = "" },
		"due_on":       func(l *Loan) { l.DueOn = MustDate("2021-01-15") },
		"org_id":       func(l *Loan) { l.ForCooperative, l.OrgNo = true, "" },
		"applied_on":   func(l *Loan) { l.AppliedOn = Date{} },
	} {
		l := ok
		f(&l)
		err := l.Validate()
		var e *Error
		if err == nil || !strings.Contains(err.Error(), field) || ErrorCode(err) != EINVALID {
			t.Errorf("%s: %v", field, err)
		} else if e = err.(*Error); e.EN == "" || e.Field != field {
			t.Errorf("%s: field %q, EN %q", field, e.Field, e.EN)
		}
	}
}

func TestPlatformValidate(t *testing.T) {
	d := MustDate
	bad := map[string]interface{ Validate() error }{
		"unit township of another county": &Unit{Code: "U", Name: "x", County: "222424", Township: "222425100"},
		"pairing with two targets":        &UnitPairing{Unit: "U", OrgNo: "O", Village: "222424100201", Period: Period{From: d("2020-01-01")}},
		"pairing with no target":          &UnitPairing{Unit: "U", Period: Period{From: d("2020-01-01")}},
		"household more out than in it":   &Household{No: "H", Head: "x", Village: "222424100201", Size: 2, Poverty: PovertyRegistered, LeftPovertyOn: d("2020-01-01"), PeopleOut: 3},
		"household out without a date":    &Household{No: "H", Head: "x", Village: "222424100201", Size: 2, Poverty: PovertyRegistered, PeopleOut: 2},
		"household not poor leaving":      &Household{No: "H", Head: "x", Village: "222424100201", Size: 2, Poverty: PovertyNone, LeftPovertyOn: d("2020-01-01")},
		"training remote by letter":       &Training{No: "T", HeldOn: d("2020-01-01"), Topic: "x", Organizer: "U", Mode: "letter", Hours: 2, Place: "222424"},
		"training with a bad place":       &Training{No: "T", HeldOn: d("2020-01-01"), Topic: "x", Organizer: "U", Mode: ModeRemote, Hours: 2, Place: "2224"},
		"meeting of an unknown kind":      &Meeting{PartyOrg: "P", Kind: "party", HeldOn: d("2020-01-01"), Topic: "x"},
		"joint meeting without village":   &Meeting{PartyOrg: "P", Kind: MeetingJoint, HeldOn: d("2020-01-01"), Topic: "x"},
		"commitment made years before":    &Commitment{IDNumber: "x", Year: 2022, PartyOrg: "P", MadeOn: d("2020-01-01"), Content: "x"},
		"fulfilled without evidence":      &Commitment{IDNumber: "x", Year: 2022, PartyOrg: "P", MadeOn: d("2022-01-01"), Content: "x", FulfilledOn: d("2022-12-01"), Result: FulfilledAll},
		"fulfilled before it was made":    &Commitment{IDNumber: "x", Year: 2022, PartyOrg: "P", MadeOn: d("2022-03-01"), Content: "x", FulfilledOn: d("2022-02-01"), Result: FulfilledNot},
	}
	for name, v := range bad {
		if err := v.Validate(); ErrorCode(err) != EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
	}
	tr := Training{No: "T", HeldOn: d("2020-01-01"), Topic: "x", Organizer: "U", Mode: ModeOnSite, Hours: 2, Place: "222424103"}
	if err := tr.Validate(); err != nil || tr.Place != "222424103000" {
		t.Errorf("training place %q: %v", tr.Place, err)
	}
}

// TestLoanDueIsAPeriod: a loan's term in months ends on the corresponding
// day, or the month's last day (民法典 Art. 202), never in the month after.
func TestLoanDueIsAPeriod(t *testing.T) {
	for _, tt := range []struct {
		disbursed string
		months    int
		want      string
	}{{"2024-01-31", 1, "2024-02-29"}, {"2023-01-31", 1, "2023-02-28"}, {"2024-02-29", 12, "2025-02-28"}, {"2023-08-31", 6, "2024-02-29"}, {"2022-06-08", 36, "2025-06-08"}} {
		l := Loan{DisbursedOn: MustDate(tt.disbursed), TermMonths: tt.months}
		if got := l.Due().String(); got != tt.want {
			t.Errorf("%s + %d months: due %s, want %s", tt.disbursed, tt.months, got, tt.want)
		}
	}
}
