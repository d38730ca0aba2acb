package sqldb

import (
	"regexp"
	"strings"
)

// triggerMarker starts the part of migration 0004 that creates the triggers
// marking dirty records; Bulk drops them while it writes (a generated data
// set is summarized as a whole at the end) and runs that part again.
const triggerMarker = "-- summary triggers"

// summaryTriggerSQL returns the statements creating the triggers.
func summaryTriggerSQL(dialect string) (string, error) {
	b, err := migrations.ReadFile("migrations/" + dialect + "/0004_summary.sql")
	if err != nil {
		return "", err
	}
	_, after, _ := strings.Cut(string(b), triggerMarker)
	return triggerMarker + after, nil
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
