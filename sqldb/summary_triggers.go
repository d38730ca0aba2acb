package sqldb

import (
	"regexp"
	"strings"
)

// triggerMarker starts the part of migration 0004 that creates the triggers
// marking dirty records (and of any later migration that changes them, such
// as PostgreSQL's 0015); Bulk drops them while it writes (a generated data
// set is summarized as a whole at the end) and runs those parts again, in
// order.
const triggerMarker = "-- summary triggers"

// summaryTriggerSQL returns the statements creating the triggers.
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
