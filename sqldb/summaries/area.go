package summaries

import (
	"sort"

	"hezuo"
)

// Areas are the units of the roll-ups, named by their code: prefectures (4
// digits), provinces (2) and the nation (""). Each holds the sums of its
// townships, so that a scope of a prefecture or more reads exactly one area.
// A county or narrower reads the segments of its orgs (and its instructors'),
// a few hundred to a few thousand index seeks: daily roll-ups of every
// township and county would be the bulk of a nation's summaries (about as
// many rows as the org segments themselves) for no figure that needs them.
var areaLevels = map[int]string{0: "nation", 2: "province", 4: "prefecture"}

// RollupFinest is the longest code of an area with roll-ups.
const RollupFinest = 4

// areaCounty is the county column of an area's rows: its county, or its own
// code above counties.
func areaCounty(area string) string {
	if len(area) >= 6 {
		return area[:6]
	}
	return area
}

// rollupAreas returns the areas with roll-ups holding township t.
func rollupAreas(t string) []string {
	var out []string
	for _, n := range []int{4, 2, 0} {
		if n < len(t) {
			out = append(out, t[:n])
		}
	}
	return out
}

// deltaKey is a day and an org kind of an area's deltas.
type deltaKey struct {
	day  day
	kind string
}

// areaDeltas accumulates the deltas of one area: every segment adds its
// metrics on its first day and takes them away on its end day.
type areaDeltas map[deltaKey]*metrics

func (a areaDeltas) add(kind string, s span, m *metrics) { a.addSigned(kind, s, m, 1) }

// addSigned adds (sign 1) or takes back (sign -1) a segment's deltas.
func (a areaDeltas) addSigned(kind string, s span, m *metrics, sign int64) {
	a.at(deltaKey{s.from, kind}).add(m, sign)
	if s.to != never {
		a.at(deltaKey{s.to, kind}).add(m, -sign)
	}
}

func (a areaDeltas) at(k deltaKey) *metrics {
	m := a[k]
	if m == nil {
		m = &metrics{}
		a[k] = m
	}
	return m
}

// merge adds another area's deltas (a township's into its county's).
func (a areaDeltas) merge(b areaDeltas) {
	for k, m := range b {
		a.at(k).add(m, 1)
	}
}

// snapshot is an area's figures of one kind just before a period starts.
type snapshot struct {
	day  day
	kind string
	m    *metrics
}

// snapshots returns, for every period, the sums of the deltas dated before
// it, by kind (all-zero sums are left out).
func snapshots(deltas map[deltaKey]*metrics, periods []day) []snapshot {
	keys := make([]deltaKey, 0, len(deltas))
	for k := range deltas {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].day < keys[j].day })
	sums := map[string]*metrics{}
	var out []snapshot
	i := 0
	for _, p := range periods {
		for ; i < len(keys) && keys[i].day < p; i++ {
			k := keys[i]
			if sums[k.kind] == nil {
				sums[k.kind] = &metrics{}
			}
			sums[k.kind].add(deltas[k], 1)
		}
		for kind, m := range sums {
			if !m.zero() {
				c := *m
				out = append(out, snapshot{p, kind, &c})
			}
		}
	}
	return out
}

// periodStart returns the first day of the snapshot period holding d: the
// first of its month. (Weekly periods measured no faster on the province:
// the deltas of a month are few next to the areas' count.)
func periodStart(d day) day {
	t := d.date().Time()
	return dayOf(hezuo.DateOf(t.Year(), t.Month(), 1))
}

// periodsBetween returns the period starts from the period of first to the
// period of last, inclusive.
func periodsBetween(first, last day) []day {
	var out []day
	for p := periodStart(first); p <= last; {
		out = append(out, p)
		t := p.date().Time()
		p = dayOf(hezuo.DateOf(t.Year(), t.Month()+1, 1))
	}
	return out
}

// instructorSeg is an interval over which an instructor has an active
// dispatch to an existing org.
type instructorSeg struct {
	id               int64
	county, township string
	span
}

// instructorSegments returns the segments of one instructor from its
// dispatches, each cut to the days its org exists.
func instructorSegments(id int64, county, township string, dispatches []span) []instructorSeg {
	var out []instructorSeg
	for _, s := range union(dispatches) {
		out = append(out, instructorSeg{id, county, township, s})
	}
	return out
}
