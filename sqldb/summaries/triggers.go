package summaries

import (
	"regexp"
	"strings"
)

// triggerMarker starts the part of a migration (0004, and later ones that
// change the triggers or add a table the summaries read, such as 0015 and
// 0016) that creates the triggers marking dirty records; sqldb's Bulk drops
// them while it writes (a generated data set is summarized as a whole at
// the end) and runs those parts again, in order.
const triggerMarker = "-- summary triggers"

// TriggerSQL returns the statements creating the triggers: the part from
// the marker on of every migration holding it (the SQL of a dialect's
// migrations, in order).
func TriggerSQL(migrations []string) string {
	var b strings.Builder
	for _, m := range migrations {
		if _, after, ok := strings.Cut(m, triggerMarker); ok {
			b.WriteString(triggerMarker + after + "\n")
		}
	}
	return b.String()
}

var triggerName = regexp.MustCompile(`CREATE TRIGGER (\w+) AFTER [A-Z ]+ ON (\w+)`)

// DropTriggers returns the statements dropping the triggers that
// TriggerSQL(migrations) creates.
func DropTriggers(postgres bool, migrations []string) []string {
	var out []string
	for _, m := range triggerName.FindAllStringSubmatch(TriggerSQL(migrations), -1) {
		if postgres {
			out = append(out, "DROP TRIGGER IF EXISTS "+m[1]+" ON "+m[2])
		} else {
			out = append(out, "DROP TRIGGER IF EXISTS "+m[1])
		}
	}
	return out
}
