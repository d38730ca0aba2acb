package sqldb

// Audit entries hold masked ID numbers (hezuo.MaskPersonal), so they may not
// hold birth dates either: a masked number and its birth date are the whole
// number (hezuo.ShownBirth). Entries are written with the year only
// (hezuo.Person.Masked, and hezuo.MaskBirthDates on whatever else is encoded);
// entries written before that rule, which the append-only log keeps, are
// shown and searched as if written under it.

// auditValueSQL is the SQL expression of the value column col as the audit
// log shows it (hezuo.MaskBirthDates, on the first birth date, which is the only
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
