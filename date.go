package hezuo

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// Date is a civil date (no time of day, no zone). The zero Date means "not
// set" (an open end of an interval, an unknown date).
type Date struct{ t time.Time }

// DateOf returns the Date of year, month and day; out-of-range values are
// normalised as time.Date does.
func DateOf(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// Today returns the current date in the given location (UTC when nil).
func Today(loc *time.Location) Date { return DateAt(time.Now(), loc) }

// DateAt returns the date of the moment t in the given location (UTC when
// nil): the day of a write made at t, by the caller's clock.
func DateAt(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := t.In(loc).Date()
	return DateOf(y, m, d)
}

// ParseDate parses YYYY-MM-DD strictly; it rejects impossible dates such as
// 2022-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, Errorf(EINVALID, "日期 %q 无效，应为 YYYY-MM-DD 格式的真实日期", "invalid date %q: want a real date as YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// MustDate is ParseDate that panics; for tests and constant tables only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return d.t }

// Year, Month and Day return d's parts.
func (d Date) Year() int          { return d.t.Year() }
func (d Date) Month() time.Month  { return d.t.Month() }
func (d Date) Day() int           { return d.t.Day() }
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddDate adds years, months and days as time.AddDate does, normalising
// impossible dates forward (2024-02-29 plus one year is 2025-03-01, 01-31
// plus one month is 03-03): right for "the 1st plus n months, minus one
// day" (a month's last day), wrong for periods, which use AddPeriod.
func (d Date) AddDate(y, m, n int) Date { return Date{d.t.AddDate(y, m, n)} }

// AddPeriod returns the day a period of years and months starting on d ends
// on, under 民法典 Art. 202: the corresponding day of the final month, or that
// month's last day when it has no corresponding day (2024-02-29 plus one
// year is 2025-02-28; 01-31 plus one month is 02-28, or 02-29 in a leap
// year). Negative years and months count back the same way. The zero Date
// stays zero.
func (d Date) AddPeriod(years, months int) Date {
	if d.IsZero() {
		return d
	}
	y, m, day := d.t.Date()
	n := y*12 + int(m) - 1 + years*12 + months // months since year 0
	y, m = floorDiv(n, 12), time.Month(n-floorDiv(n, 12)*12+1)
	if last := DateOf(y, m+1, 0).Day(); day > last {
		day = last
	}
	return DateOf(y, m, day)
}

// floorDiv divides rounding toward minus infinity.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Before, After and Equal compare dates.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool  { return d.t.Equal(o.t) }

// Compare returns -1, 0 or +1 as d is before, equal to or after o (for
// slices.SortFunc and cmp.Or).
func (d Date) Compare(o Date) int { return d.t.Compare(o.t) }

// DaysUntil returns the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int(o.t.Sub(d.t).Hours() / 24) }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// MarshalText encodes d as YYYY-MM-DD ("" when zero).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes YYYY-MM-DD; "" gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value stores d as YYYY-MM-DD text (NULL when zero); PostgreSQL casts it to DATE.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.String(), nil
}

// Scan reads a date stored as text (SQLite) or as a DATE (PostgreSQL).
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
	case time.Time:
		y, m, dd := v.Date()
		*d = DateOf(y, m, dd)
	case string:
		return d.scanString(v)
	case []byte:
		return d.scanString(string(v))
	default:
		return fmt.Errorf("hezuo.Date: cannot scan %T", src)
	}
	return nil
}

func (d *Date) scanString(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	return d.UnmarshalText([]byte(s))
}

// Period is a half-open validity interval [From, To). A zero To is open.
type Period struct {
	From Date `json:"from" bound:"date"`
	To   Date `json:"to,omitempty" bound:"far"`
}

// ActiveOn reports whether the period holds on day: From <= day < To.
func (p Period) ActiveOn(day Date) bool {
	if p.From.IsZero() || day.Before(p.From) {
		return false
	}
	return p.To.IsZero() || day.Before(p.To)
}

// Validate checks that From is set and To, when set, is after From, and
// that both lie within the bounds of every date (bounds.go).
func (p Period) Validate(record string) error {
	c := boundsOf(record, p, Today(China))
	if p.From.IsZero() {
		c.add(Invalid(record, "from", "缺少开始日期", "start date missing"))
	} else if !p.To.IsZero() && !p.From.Before(p.To) {
		c.add(Invalid(record, "to", "结束日期必须晚于开始日期", "end date must be after the start date"))
	}
	return c.err()
}
