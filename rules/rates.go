package rules

import (
	"sort"

	"hezuo"
)

// RateTable is the table of reference lending rates by the day each came
// into force (lending_rates; domain-rules.md §12): the 1-year benchmark
// lending rate before the LPR reform, the 1-year LPR since. A rate is in
// force from its day until the next row's.
type RateTable []hezuo.LendingRate

// NewRateTable returns the rows in order of their days.
func NewRateTable(rows []hezuo.LendingRate) RateTable {
	t := append(RateTable(nil), rows...)
	sort.SliceStable(t, func(i, j int) bool { return t[i].EffectiveFrom.Before(t[j].EffectiveFrom) })
	return t
}

// RatePart is a stretch of days [From, To) over which one reference rate
// (Row) was in force.
type RatePart struct {
	From, To hezuo.Date
	Row      hezuo.LendingRate
}

// Split cuts the days [from, to) at every change of the reference rate and
// returns the parts in order, each with the rate in force. Days before the
// table's first row have no known rate: Split then returns an ENOTFOUND
// error naming them, never a later rate. An empty interval has no parts.
func (t RateTable) Split(from, to hezuo.Date) ([]RatePart, error) {
	if !from.Before(to) {
		return nil, nil
	}
	if len(t) == 0 || from.Before(t[0].EffectiveFrom) {
		first := "（参考利率表为空）"
		firstEN := " (the table of reference rates is empty)"
		if len(t) > 0 {
			first = "（参考利率表最早自 " + t[0].EffectiveFrom.String() + " 起）"
			firstEN = " (the table of reference rates starts on " + t[0].EffectiveFrom.String() + ")"
		}
		return nil, hezuo.Errorf(hezuo.ENOTFOUND, "%[1]s 起的参考利率未知%[2]s", "no reference rate is known for %[1]s onwards%[3]s", from, first, firstEN)
	}
	// i: the last row in force on from.
	i := sort.Search(len(t), func(k int) bool { return from.Before(t[k].EffectiveFrom) }) - 1
	var out []RatePart
	for cur := from; cur.Before(to); i++ {
		end := to
		if i+1 < len(t) && t[i+1].EffectiveFrom.Before(to) {
			end = t[i+1].EffectiveFrom
		}
		out = append(out, RatePart{From: cur, To: end, Row: t[i]})
		cur = end
	}
	return out, nil
}
