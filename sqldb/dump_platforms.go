package sqldb

import (
	"context"

	"hezuo"
)

// DumpPlatforms adds the platforms' records of scope to ds, ordered by
// key (the dump parts of the platform kinds, kinds.go): the units of its
// counties and their guarantors; pairings with the orgs and villages in
// scope; households in scope with their pairings,
// links and visits; loans counted in scope with their repayments,
// guarantees and party-fee subsidies; trainings held in scope with their
// attendances; and the meetings and commitments of party organizations
// seated in scope. With Dump's registry records, loading the result into
// an empty database reproduces the same records.
func (db *DB) DumpPlatforms(ctx context.Context, scope hezuo.Scope, ds *hezuo.Dataset) error {
	return db.dumpPlatformsOn(ctx, db.conn, scope, ds)
}

// dumpPlatformsOn is DumpPlatforms read through x (a transaction, or the
// database).
func (db *DB) dumpPlatformsOn(ctx context.Context, x execQuerier, scope hezuo.Scope, ds *hezuo.Dataset) error {
	return db.newDumping(ctx, x, scope, ds).run(true)
}
