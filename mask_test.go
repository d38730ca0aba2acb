package hezuo

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestShownBirth: beside a masked ID number only the year of the birth
// date is shown; beside a whole one the date.
func TestShownBirth(t *testing.T) {
	birth := MustDate("1985-03-15")
	for _, c := range []struct {
		masked bool
		date   Date
		year   int
	}{{true, Date{}, 1985}, {false, birth, 1985}} {
		if d, y := ShownBirth(birth, c.masked); !d.Equal(c.date) || y != c.year {
			t.Errorf("ShownBirth(%s, %v) = %s, %d; want %s, %d", birth, c.masked, d, y, c.date, c.year)
		}
	}
	if d, y := ShownBirth(Date{}, false); !d.IsZero() || y != 0 {
		t.Errorf("ShownBirth(zero) = %s, %d", d, y)
	}
}

// TestMaskedPersonJSON: the masked copies of a person (a list item, the
// audit log's) hold neither the whole number nor the birth date: the JSON
// does not contain the eight digits the mask hides.
func TestMaskedPersonJSON(t *testing.T) {
	id := MakeIDNumber("222424", MustDate("1985-03-15"), 103)
	p := Person{IDNumber: id, Name: "甲", Phone: "13900001111"}
	if err := p.Validate(MustDate("2026-01-01")); err != nil {
		t.Fatal(err)
	}
	it := PersonItem{IDNumber: p.IDNumber, Name: p.Name, Sex: p.Sex, BirthDate: p.BirthDate, Phone: p.Phone}
	it.Mask()
	a, _ := json.Marshal(it)
	b, _ := json.Marshal(p.Masked())
	for _, s := range []string{string(a), string(b)} {
		if strings.Contains(s, id[6:14]) || strings.Contains(s, "1985-03-15") || strings.Contains(s, "13900001111") ||
			!strings.Contains(s, `"birth_year":1985`) || !strings.Contains(s, MaskIDNumber(id)) {
			t.Errorf("masked person: %s", s)
		}
	}
	if strings.Contains(string(b), "birth_date") {
		t.Errorf("the audit copy keeps a birth_date key: %s", b)
	}
	if !it.Masked || !it.BirthDate.IsZero() {
		t.Errorf("masked item: %+v", it)
	}
}

// TestMaskedLeavesCandidates measures what a masked number and the birth
// year (and the sex, already in the last four characters) leave unknown:
// every day of the year whose number has the check character shown. It is
// 32 to 35 numbers, whatever the address, year and sequence.
func TestMaskedLeavesCandidates(t *testing.T) {
	lo, hi := 1000, 0
	for _, addr := range []string{"222424", "110101", "650104"} {
		for year := 1940; year <= 2008; year += 4 { // leap years and others
			for _, first := range []string{"-01-01", "-07-19", "-12-31"} {
				for seq := 0; seq < 1000; seq += 111 {
					id := MakeIDNumber(addr, MustDate(fmt.Sprint(year, first)), seq)
					n := 0
					for d := MustDate(fmt.Sprint(year, "-01-01")); d.Year() == year; d = d.AddDays(1) {
						c := id[:6] + d.Time().Format("20060102") + id[14:17]
						if IDCheckChar(c) == id[17] {
							n++
						}
					}
					lo, hi = min(lo, n), max(hi, n)
				}
			}
		}
	}
	if lo < 32 || hi > 35 {
		t.Errorf("candidates per masked number and birth year: %d to %d, want 32 to 35", lo, hi)
	}
	t.Logf("a masked number and its birth year leave %d to %d possible numbers", lo, hi)
}
