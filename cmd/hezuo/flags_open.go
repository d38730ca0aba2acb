package main

import (
	"hezuo"
	"hezuo/sqldb"
)

// openAt is the preamble of the commands that read one scope on one day
// and take no positional arguments: it parses args, reads --scope and
// --as-of, and opens --db. The caller closes the database.
func (f *flags) openAt(e *env, args []string) (*sqldb.DB, hezuo.Scope, hezuo.Date, error) {
	if err := f.parseOnly(e, args); err != nil {
		return nil, hezuo.Scope{}, hezuo.Date{}, err
	}
	scope, day, err := f.scopeDay()
	if err != nil {
		return nil, scope, day, err
	}
	db, err := f.open(e)
	return db, scope, day, err
}
