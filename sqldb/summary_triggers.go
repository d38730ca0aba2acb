package sqldb

import (
	"regexp"
	"strings"
)

// triggerMarker starts the part of a migration (0004, and later ones adding
// a table the summaries read) that creates the triggers marking dirty
// records; Bulk drops them while it writes (a generated data set is
// summarized as a whole at the end) and runs those parts again.
const triggerMarker = "-- summary triggers"

// summaryTriggerSQL returns the statements creating the triggers: the part
// from the marker on of every migration of the dialect holding it, in order.
func summaryTriggerSQL(dialect string) (string, error) {
	dir := "migrations/" + dialect
	entries, err := migrations.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for _, e := range entries { // sorted by name
		b, err := migrations.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return "", err
		}
		if _, after, ok := strings.Cut(string(b), triggerMarker); ok {
			out.WriteString(triggerMarker + after + "\n")
		}
	}
	return out.String(), nil
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
