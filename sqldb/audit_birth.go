package sqldb

import "regexp"

// Audit entries hold masked ID numbers (crypt_mask.go), so they may not
// hold birth dates either: a masked number and its birth date are the whole
// number (hezuo.ShownBirth). Entries are written with the year only
// (hezuo.Person.Masked, and maskBirthDates on whatever else is encoded);
// entries written before that rule, which the append-only log keeps, are
// shown and searched as if written under it.

// birthDateJSON is a birth date as encoding/json writes it in an entry.
var birthDateJSON = regexp.MustCompile(`"birth_date":"([0-9]{4})-[0-9]{2}-[0-9]{2}"`)

// maskBirthDates replaces every "birth_date":"YYYY-MM-DD" in the JSON s by
// "birth_year":YYYY.
func maskBirthDates(s string) string {
	return birthDateJSON.ReplaceAllString(s, `"birth_year":$1`)
}

// auditValueSQL is the SQL expression of the value column col as the audit
// log shows it (maskBirthDates, on the first birth date, which is the only
// one a person entry holds): what a search of the log may match, so that a
// search cannot find a birth date the page does not show.
func (db *DB) auditValueSQL(col string) string {
	pos := "instr(" + col + `, '"birth_date":"')`
	if db.Dialect == Postgres {
		pos = "strpos(" + col + `, '"birth_date":"')`
	}
	return `CASE WHEN ` + pos + ` > 0 AND substr(` + col + `, ` + pos + ` + 18, 1) = '-' THEN substr(` + col + `, 1, ` + pos + ` - 1) || '"birth_year":' || substr(` +
		col + `, ` + pos + ` + 14, 4) || substr(` + col + `, ` + pos + ` + 25) ELSE ` + col + ` END`
}
