package hezuo

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kinds of lending rate: the reference rate an interest subsidy takes a
// share of (domain-rules.md §8, §12).
const (
	RateBenchmark = "benchmark" // 一年期贷款基准利率 (PBoC), before the LPR reform of 2019-08-20
	RateLPR       = "lpr"       // 一年期贷款市场报价利率 (LPR), published monthly since
)

// RateKindNames gives each kind of lending rate its Chinese name.
var RateKindNames = map[string]string{RateBenchmark: "一年期贷款基准利率", RateLPR: "一年期贷款市场报价利率（LPR）"}

// LendingRate is one row of the table of reference lending rates: from
// EffectiveFrom until the next row's day the 1-year rate of Kind was
// RatePPM (parts per million: 3.65% = 36500), as Source published it.
type LendingRate struct {
	EffectiveFrom Date   `json:"effective_from"`
	Kind          string `json:"kind"`
	RatePPM       int    `json:"rate_ppm"`
	Source        string `json:"source"`
}

// Bounds of a lending rate row.
const (
	MaxRateSourceLen = 200    // characters of the source
	MaxLendingRate   = 200000 // 20%, exclusive
)

// Validate checks the row against today: a day from 1990-01-01 to a year
// after today, a known kind, 0 < rate < 20%, and a source of 1 to 200
// characters without control characters.
func (r *LendingRate) Validate(today Date) error {
	rec := "参考利率"
	if !r.EffectiveFrom.IsZero() {
		rec += " " + r.EffectiveFrom.String()
	}
	src := strings.TrimSpace(r.Source)
	var c collector
	switch {
	case r.EffectiveFrom.IsZero():
		c.add(Invalid(rec, "effective_from", "缺少生效日期", "effective date missing"))
	case r.EffectiveFrom.Before(DateOf(1990, 1, 1)) || r.EffectiveFrom.After(today.AddDate(1, 0, 0)):
		c.add(Invalid(rec, "effective_from", fmt.Sprintf("生效日期应在 1990-01-01 至 %s 之间", today.AddDate(1, 0, 0)),
			fmt.Sprintf("the effective date must lie between 1990-01-01 and %s", today.AddDate(1, 0, 0))))
	}
	if r.Kind != RateBenchmark && r.Kind != RateLPR {
		c.add(Invalid(rec, "kind", "利率种类应为 benchmark（贷款基准利率）或 lpr（贷款市场报价利率）", "the kind must be benchmark or lpr"))
	}
	if r.RatePPM <= 0 || r.RatePPM >= MaxLendingRate {
		c.add(Invalid(rec, "rate_ppm", "利率应大于 0 且小于 20%", "the rate must be above 0 and below 20%"))
	}
	switch {
	case src == "":
		c.add(Invalid(rec, "source", "缺少来源（如人民银行或全国银行间同业拆借中心的公告）", "source missing (e.g. the PBoC or NIFC announcement)"))
	case utf8.RuneCountInString(src) > MaxRateSourceLen:
		c.add(Invalid(rec, "source", fmt.Sprintf("来源不能超过 %d 个字符", MaxRateSourceLen), fmt.Sprintf("the source has at most %d characters", MaxRateSourceLen)))
	case !utf8.ValidString(src) || strings.IndexFunc(src, unicode.IsControl) >= 0:
		c.add(Invalid(rec, "source", "来源含有控制字符", "the source contains control characters"))
	}
	if len(c.list) > 0 {
		return c.err()
	}
	r.Source = src
	return nil
}

// ParsePercent reads an annual rate typed in percent ("4.35" or "4.35%",
// at most four decimals) as parts per million (43500).
func ParsePercent(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 4 || strings.HasPrefix(whole, "-") || strings.HasPrefix(whole, "+") {
		return 0, false
	}
	for len(frac) < 4 {
		frac += "0"
	}
	w, err1 := strconv.Atoi(whole)
	f, err2 := strconv.Atoi(frac)
	if err1 != nil || err2 != nil || w > 100 || strings.HasPrefix(frac, "-") || strings.HasPrefix(frac, "+") {
		return 0, false
	}
	return w*10000 + f, true
}
