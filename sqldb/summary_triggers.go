package sqldb

import (
	"regexp"
	"strings"
)

// triggerMarker starts the part of a migration (0004, and later ones that
// change the triggers or add a table the summaries read, such as 0015 and
// 0016) that creates the triggers marking dirty records; Bulk drops them
// while it writes (a generated data set is summarized as a whole at the end)
// and runs those parts again, in order.
const triggerMarker = "-- summary triggers"

// summaryTriggerSQL returns the statements creating the triggers: the part
// from the marker on of every migration of the dialect holding it, in order.
func summaryTriggerSQL(dialect string) (string, error) {
	ms, err := Migrations(dialect)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, m := range ms {
		if _, after, ok := strings.Cut(m.SQL, triggerMarker); ok {
			b.WriteString(triggerMarker + after + "\n")
		}
	}
	return b.String(), nil
}

var triggerName = regexp.MustCompile(`CREATE TRIGGER (\w+) AFTER [A-Z ]+ ON (\w+)`)

// dropSummaryTriggers returns the statements dropping the triggers.
func dropSummaryTriggers(dialect string) ([]string, error) {
	text, err := summaryTriggerSQL(dialect)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range triggerName.FindAllStringSubmatch(text, -1) {
		if dialect == Postgres {
			out = append(out, "DROP TRIGGER IF EXISTS "+m[1]+" ON "+m[2])
		} else {
			out = append(out, "DROP TRIGGER IF EXISTS "+m[1])
		}
	}
	return out, nil
}
