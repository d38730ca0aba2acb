package web

import (
	"fmt"
	"testing"

	"hezuo"
)

// TestChartAreas: the orgs-by-kind chart has a bar per division one level
// below the scope, narrowed first to what the townships share.
func TestChartAreas(t *testing.T) {
	type counts = map[string]map[string]int
	for _, c := range []struct {
		in     counts
		prefix string
		want   string
		level  string
	}{
		{counts{"222424103": {"cooperative": 2}, "222424104": {"cooperative": 1}}, "", "map[222424103:map[cooperative:2] 222424104:map[cooperative:1]]", hezuo.LevelTownship},
		{counts{"222424103": {"cooperative": 2}, "222424104": {"cooperative": 1, "union": 1}, "222403101": {"union": 5}}, "", "map[222403:map[union:5] 222424:map[cooperative:3 union:1]]", hezuo.LevelCounty},
		{counts{"222424103": {"cooperative": 2}, "220102104": {"cooperative": 1}}, "22", "map[2201:map[cooperative:1] 2224:map[cooperative:2]]", hezuo.LevelPrefecture},
		{counts{"222424103": {"cooperative": 2}, "110102104": {"cooperative": 1}}, "", "map[11:map[cooperative:1] 22:map[cooperative:2]]", hezuo.LevelProvince},
		{counts{"222424103": {"cooperative": 2}}, "222424103", "map[222424103:map[cooperative:2]]", hezuo.LevelTownship},
		{counts{}, "", "map[]", hezuo.LevelProvince},
		// By prefecture (a province or wider over several prefectures, from the roll-ups).
		{counts{"2201": {"cooperative": 2}, "2224": {"union": 1}}, "", "map[2201:map[cooperative:2] 2224:map[union:1]]", hezuo.LevelPrefecture},
		{counts{"2201": {"cooperative": 2}, "2224": {"union": 1}, "1101": {"union": 3}}, "", "map[11:map[union:3] 22:map[cooperative:2 union:1]]", hezuo.LevelProvince},
	} {
		got, level := chartAreas(c.in, c.prefix)
		if fmt.Sprint(got) != c.want || level != c.level {
			t.Errorf("chartAreas(%v, %q) = %v %s, want %s %s", c.in, c.prefix, got, level, c.want, c.level)
		}
	}
}
