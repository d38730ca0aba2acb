package hezuo

import (
	"strings"
	"testing"
)

func TestLendingRateValidate(t *testing.T) {
	today := MustDate("2026-12-07")
	good := LendingRate{EffectiveFrom: MustDate("2025-05-20"), Kind: RateLPR, RatePPM: 30000, Source: "  全国银行间同业拆借中心公告  "}
	if err := good.Validate(today); err != nil || good.Source != "全国银行间同业拆借中心公告" {
		t.Fatalf("good row: %v %q", err, good.Source)
	}
	for field, r := range map[string]LendingRate{
		"effective_from": {Kind: RateLPR, RatePPM: 30000, Source: "x"},
		"kind":           {EffectiveFrom: MustDate("2020-01-01"), Kind: "mlf", RatePPM: 30000, Source: "x"},
		"rate_ppm":       {EffectiveFrom: MustDate("2020-01-01"), Kind: RateLPR, RatePPM: 200000, Source: "x"},
		"source":         {EffectiveFrom: MustDate("2020-01-01"), Kind: RateLPR, RatePPM: 30000, Source: "a\tb"},
	} {
		if err := r.Validate(today); err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("%s: %v", field, err)
		}
	}
	for day, ok := range map[string]bool{"1989-12-31": false, "1990-01-01": true, "2027-12-07": true, "2027-12-08": false} {
		r := good
		r.EffectiveFrom = MustDate(day)
		if err := r.Validate(today); (err == nil) != ok {
			t.Errorf("%s: %v", day, err)
		}
	}
	long := good
	long.Source = strings.Repeat("长", 200)
	if err := long.Validate(today); err != nil {
		t.Errorf("200 characters: %v", err)
	}
	long.Source += "长"
	if err := long.Validate(today); err == nil {
		t.Error("201 characters accepted")
	}
	for s, want := range map[string]int{"3": 30000, "3.65": 36500, "4.785%": 47850, " 0.0001 ": 1, "-1": -1, "3.123456": -1, "abc": -1, "3.-5": -1, "": -1} {
		got, ok := ParsePercent(s)
		if (want < 0) == ok || (ok && got != want) {
			t.Errorf("ParsePercent(%q) = %d, %v, want %d", s, got, ok, want)
		}
	}
}
