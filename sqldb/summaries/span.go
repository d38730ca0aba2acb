package summaries

import (
	"math"
	"slices"
	"sort"

	"hezuo"
)

// day is a date as a count of days since 1970-01-01, the unit of the summary
// sweeps. never is "no such day": the open end of an interval, or a flag
// (talent, leader, registration) that is never set.
type day int32

const never day = math.MaxInt32

// dayOf converts a date; the zero Date (NULL) is never.
func dayOf(d hezuo.Date) day {
	if d.IsZero() {
		return never
	}
	return day(d.Time().Unix() / 86400)
}

// date converts back; never is the zero Date.
func (d day) date() hezuo.Date {
	if d == never {
		return hezuo.Date{}
	}
	return hezuo.DateOf(1970, 1, 1+int(d))
}

// span is a half-open interval of days [from, to); to may be never.
type span struct{ from, to day }

func spanOf(from, to hezuo.Date) span { return span{dayOf(from), dayOf(to)} }

func (s span) has(d day) bool { return s.from <= d && d < s.to }

// spans is a set of days as sorted, disjoint, non-adjacent spans.
type spans []span

// union normalises any list of spans into a set.
func union(in []span) spans {
	var list []span
	for _, s := range in {
		if s.from < s.to {
			list = append(list, s)
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].from < list[j].from })
	var out spans
	for _, s := range list {
		if n := len(out); n > 0 && s.from <= out[n-1].to {
			out[n-1].to = max(out[n-1].to, s.to)
			continue
		}
		out = append(out, s)
	}
	return out
}

// intersect returns the days in both sets.
func (a spans) intersect(b spans) spans {
	var out spans
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].from, b[j].from), min(a[i].to, b[j].to)
		if lo < hi {
			out = append(out, span{lo, hi})
		}
		if a[i].to < b[j].to {
			i++
		} else {
			j++
		}
	}
	return out
}

// minus returns the days of a not in b.
func (a spans) minus(b spans) spans {
	var out spans
	j := 0
	for _, s := range a {
		cur := s.from
		for j < len(b) && b[j].to <= cur {
			j++
		}
		for k := j; k < len(b) && b[k].from < s.to; k++ {
			if b[k].from > cur {
				out = append(out, span{cur, b[k].from})
			}
			cur = max(cur, b[k].to)
		}
		if cur < s.to {
			out = append(out, span{cur, s.to})
		}
	}
	return out
}

// has reports whether d is in the set.
func (a spans) has(d day) bool {
	i := sort.Search(len(a), func(i int) bool { return a[i].to > d })
	return i < len(a) && a[i].from <= d
}

// event is a change of a counter by delta on a day.
type event struct {
	at    day
	field int
	delta int
}

// addSpans appends +1 at the start and -1 at the end of each span to evs.
func addSpans(evs []event, field int, set []span) []event {
	for _, s := range set {
		evs = append(evs, event{s.from, field, 1})
		if s.to != never {
			evs = append(evs, event{s.to, field, -1})
		}
	}
	return evs
}

// sortEvents orders events by day.
func sortEvents(evs []event) {
	slices.SortFunc(evs, func(a, b event) int { return int(a.at) - int(b.at) })
}
