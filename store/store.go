// Package store declares the front doors to the stored records: one
// interface per area (registry, people, party organizations, figures,
// loans, assistance, institutions, training, development, plans, users,
// audit, records, health) and the types their methods take and return.
// The web, the report and the import hold these interfaces; package sqldb
// implements them on SQLite and PostgreSQL, and only cmd/hezuo (which opens
// the database) names it.
//
// Every method takes the user's access (*hezuo.Access) where it reads or
// writes records a scope confines, and the clock as a parameter: a write
// takes now (the time of its audit entry; its day bounds the record's
// dates), a read the day it shows (and today where what a user may see
// depends on the present). Nothing behind these doors reads the clock.
//
// A write is one transaction: the role and scope check, the record with its
// audit entry (before and after), the summaries' refresh, then the commit; a
// refusal writes nothing and never names a record outside the user's scope.
package store

import (
	"context"
	"hezuo"
)

// Store is every door at once: what *sqldb.DB implements and web.Server
// holds.
type Store interface {
	Registry
	People
	PartyOrgs
	Figures
	Loans
	Assistance
	Institutions
	Training
	Development
	Plans
	Users
	Audit
	Records
	Health
}

// Report is what the county report reads: the figures, the overdue
// institutions and unknown party dates of a scope, and its registry.
type Report interface {
	Figures
	Dump(ctx context.Context, scope hezuo.Scope) (*hezuo.Dataset, error)
}
