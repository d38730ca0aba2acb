package sqldb

import (
	"errors"
	"strings"
)

// isUniqueViolation reports whether err is a broken unique (or primary)
// key: SQLite's SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY, PostgreSQL's
// unique_violation (23505).
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	var lite interface{ Code() int }
	if errors.As(err, &lite) {
		c := lite.Code()
		return c == 2067 || c == 1555 || (c == 19 && strings.Contains(err.Error(), "UNIQUE"))
	}
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		return pg.SQLState() == "23505"
	}
	return false
}
