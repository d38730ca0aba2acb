package hezuo

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for in, ok := range map[string]bool{
		"2022-06-08": true, "2024-02-29": true, "2023-02-29": false, "2022-02-30": false,
		"2022-6-8": false, "2022/06/08": false, "": false, "2022-13-01": false,
	} {
		d, err := ParseDate(in)
		if ok != (err == nil) || (ok && d.String() != in) {
			t.Errorf("ParseDate(%q) = %s, %v", in, d, err)
		}
		if !ok && ErrorCode(err) != EINVALID {
			t.Errorf("ParseDate(%q): error code %s", in, ErrorCode(err))
		}
	}
}

func TestDate(t *testing.T) {
	d := DateOf(2022, time.June, 8)
	if d.String() != "2022-06-08" || (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Error("String/IsZero")
	}
	if !d.Equal(MustDate("2022-06-08")) || !d.Before(d.AddDays(1)) || !d.After(d.AddDays(-1)) {
		t.Error("comparisons")
	}
	if got := MustDate("2020-02-29").AddDate(1, 0, 0); got.String() != "2021-03-01" {
		t.Errorf("AddDate = %s", got)
	}
	if n := MustDate("2022-01-01").DaysUntil(d); n != 158 {
		t.Errorf("DaysUntil = %d, want 158", n)
	}
	var back Date
	if b, _ := d.MarshalText(); back.UnmarshalText(b) != nil || !back.Equal(d) {
		t.Errorf("text round trip gives %s", back)
	}
	if back.UnmarshalText(nil) != nil || !back.IsZero() {
		t.Error("empty text should give the zero Date")
	}
	for _, src := range []any{"2022-06-08", []byte("2022-06-08 00:00:00"), time.Date(2022, 6, 8, 23, 0, 0, 0, time.UTC)} {
		var s Date
		if err := s.Scan(src); err != nil || !s.Equal(d) {
			t.Errorf("Scan(%v) = %s, %v", src, s, err)
		}
	}
	if v, _ := (Date{}).Value(); v != nil {
		t.Error("zero Date should store NULL")
	}
}

func TestPeriodActiveOn(t *testing.T) {
	today := MustDate("2022-06-08")
	yesterday, tomorrow := today.AddDays(-1), today.AddDays(1)
	tests := []struct {
		name string
		p    Period
		want bool
	}{
		{"ended yesterday does not count today", Period{From: MustDate("2020-01-01"), To: yesterday}, false},
		{"ends today does not count today", Period{From: MustDate("2020-01-01"), To: today}, false},
		{"ends tomorrow counts today", Period{From: MustDate("2020-01-01"), To: tomorrow}, true},
		{"starting today counts", Period{From: today}, true},
		{"starting tomorrow does not count", Period{From: tomorrow}, false},
		{"open-ended", Period{From: MustDate("2000-01-01")}, true},
		{"no start never counts", Period{To: tomorrow}, false},
	}
	for _, tt := range tests {
		if got := tt.p.ActiveOn(today); got != tt.want {
			t.Errorf("%s: ActiveOn = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPeriodValidate(t *testing.T) {
	d := MustDate("2022-06-08")
	for _, tt := range []struct {
		p     Period
		field string
	}{
		{Period{From: d}, ""},
		{Period{From: d, To: d.AddDays(1)}, ""},
		{Period{}, "from"},
		{Period{From: d, To: d}, "to"},
		{Period{From: d, To: d.AddDays(-1)}, "to"},
	} {
		err := tt.p.Validate("成员")
		var field string
		if e, ok := err.(*Error); ok {
			field = e.Field
		}
		if (tt.field == "") != (err == nil) || field != tt.field {
			t.Errorf("%+v.Validate() = %v, want field %q", tt.p, err, tt.field)
		}
	}
}

// TestAddPeriod: a period in years or months ends on the corresponding day
// of the final month, or on that month's last day when there is none (民法典
// Art. 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
// 月末日为期间的最后一日").
func TestAddPeriod(t *testing.T) {
	tests := []struct {
		from          string
		years, months int
		want          string
	}{
		{"2024-02-29", 1, 0, "2025-02-28"}, // no 29 February: the month's last day
		{"2024-02-29", 4, 0, "2028-02-29"}, // a leap year has it
		{"2024-02-29", 0, 12, "2025-02-28"},
		{"2025-01-31", 0, 1, "2025-02-28"},
		{"2024-01-31", 0, 1, "2024-02-29"},
		{"2024-01-31", 0, 3, "2024-04-30"},
		{"2024-03-31", 0, -1, "2024-02-29"},
		{"2024-08-31", 0, 6, "2025-02-28"},
		{"2022-06-08", 3, 0, "2025-06-08"},
		{"2022-06-08", 0, 18, "2023-12-08"},
		{"2022-12-15", 0, 1, "2023-01-15"},
		{"2023-01-15", 0, -1, "2022-12-15"},
		{"2024-02-29", -1, 0, "2023-02-28"},
		{"2023-03-31", -1, -1, "2022-02-28"},
		{"2021-05-31", 1, 9, "2023-02-28"},
		{"2022-06-08", 0, 0, "2022-06-08"},
	}
	for _, tt := range tests {
		got := MustDate(tt.from).AddPeriod(tt.years, tt.months)
		if got.String() != tt.want {
			t.Errorf("%s + %d years %d months = %s, want %s", tt.from, tt.years, tt.months, got, tt.want)
		}
	}
	if !(Date{}).AddPeriod(1, 0).IsZero() {
		t.Error("the zero Date must stay zero")
	}
	// AddDate normalises forward: the reason periods do not use it.
	if got := MustDate("2024-02-29").AddDate(1, 0, 0).String(); got != "2025-03-01" {
		t.Errorf("AddDate: %s", got)
	}
}
