package store

import (
	"context"
	"hezuo"
	"hezuo/rules"
	"time"
)

// Records is the door the import and the export use: whole datasets in and out, compared by natural key.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Records interface {
	// Dump reads every registry record of scope back as a Dataset, ordered by
	// key: the divisions in scope, the departments of its counties, the orgs
	// whose home village is in scope with their memberships and dispatches, the
	// people those refer to (and people living in scope) with their party status,
	// the party organizations seated in scope or covering its orgs, their
	// officers, and the instructors. Loading the result into an empty database
	// reproduces the same records.
	Dump(ctx context.Context, scope hezuo.Scope) (*hezuo.Dataset, error)
	// DumpPlatforms adds the platforms' records of scope to ds, ordered by
	// key: the units of its counties and their guarantors; pairings with the
	// orgs and villages in scope; households in scope with their pairings,
	// links and visits; loans counted in scope with their repayments,
	// guarantees and party-fee subsidies; trainings held in scope with their
	// attendances; and the meetings and commitments of party organizations
	// seated in scope. With Dump's registry records, loading the result into
	// an empty database reproduces the same records.
	DumpPlatforms(ctx context.Context, scope hezuo.Scope, ds *hezuo.Dataset) error
	// Existing returns the stored records that share a natural key with a
	// record of probe or that probe's records refer to: divisions (by code, and
	// the villages, seats and townships referred to), orgs (by 组织编号 or
	// credit code, and those referred to), people (by ID number, and those
	// referred to) with all their memberships (ID set), party status steps (ID
	// set) and, when probe holds instructors or dispatches, their instructor
	// entries and dispatches; and party organizations (by number, and those
	// referred to) with, when probe holds officers, every post of them. An
	// import compares its rows with them.
	Existing(ctx context.Context, probe *hezuo.Dataset) (*hezuo.Dataset, error)
	// Places returns, for the keys of records of one kind ("org", "person",
	// "instructor", "party_org", "loan", "household", "training"), the division
	// codes where the stored ones lie (see xlsx.ScopeStore and hezuo reach.go):
	// an org's home village, a party organization's seat, a loan's division, a
	// household's village, a training's place, an instructor's township, and a
	// person's home village, or without one the home villages of the orgs of
	// all their memberships. Keys of no stored record are left out.
	Places(ctx context.Context, kind string, keys []string) (map[string][]string, error)
	// Import validates ds and writes it in one transaction, all or nothing, as
	// Load does, with two differences made for spreadsheet imports:
	//   - memberships and party status steps whose ID is set are updated in
	//     place by that ID (an import corrects a membership's dates by its key
	//     身份证号 + 组织编号, and ends a party status step), those without are
	//     upserted by their natural keys as in Load;
	//   - people, memberships and party status steps are written with
	//     multi-row statements (COPY for new ones on PostgreSQL), the bulk path
	//     for rosters of 100,000 rows; records without an ID are taken as new
	//     and inserted without upsert (see importer.plain), others upserted;
	//   - a is the importing user: a role that cannot write is refused, and a
	//     township officer's records must lie in the township (import_reach.go);
	//   - every record created or changed gets an audit entry as a, in the same
	//     transaction, at now, with ds.Source as its note (import_audit.go);
	//   - today bounds the records' dates (not after today, BoundedAll).
	Import(ctx context.Context, a *hezuo.Access, ds *hezuo.Dataset, today hezuo.Date, now time.Time) error
	// Settings returns the rule settings in force.
	Settings(ctx context.Context) (rules.Settings, error)
}
