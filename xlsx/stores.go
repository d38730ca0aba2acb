package xlsx

import (
	"context"
	"time"

	"hezuo"
	"hezuo/rules"
)

// The database as an import sees it: Store, and what a Store may offer
// besides (checked with a type assertion where a KIND needs it).

// Store is what an import needs of the database; *sqldb.DB implements it.
type Store interface {
	// Existing returns the stored records that share a natural key with a
	// record of probe or that probe's records refer to (villages, orgs,
	// people with their memberships and party status), with their database
	// ids set on memberships and party status steps.
	Existing(ctx context.Context, probe *hezuo.Dataset) (*hezuo.Dataset, error)
	// Import validates and writes ds in one transaction, all or nothing:
	// records upserted by natural key, memberships and party status steps
	// with an ID updated in place. a is the importing user (EFORBIDDEN for
	// a role that cannot write or a record outside its scope); every record
	// created or changed gets an audit entry as a at now, noted ds.Source;
	// today bounds the records' dates.
	Import(ctx context.Context, a *hezuo.Access, ds *hezuo.Dataset, today hezuo.Date, now time.Time) error
}

// ScopeStore is a Store that places stored records in divisions, for the
// check that a township officer's file stays within the township;
// *sqldb.DB implements it.
type ScopeStore interface {
	// Places returns, for the keys of stored records of one kind (a Ref
	// kind other than RefDivision), the division codes where each lies
	// (several for a person with memberships in several villages). Keys of
	// no stored record are left out.
	Places(ctx context.Context, kind string, keys []string) (map[string][]string, error)
}

// PlatformStore is a Store that also lists the platforms' records (units,
// guarantors, loans, trainings, households and pairings); *sqldb.DB
// implements it. The platform KINDs (loans, trainings, attendances,
// pairings) compare their rows with what it returns.
type PlatformStore interface {
	DumpPlatforms(ctx context.Context, scope hezuo.Scope, ds *hezuo.Dataset) error
}

// settingsStore is a Store that gives the rule settings in force (the
// guarantor cap, the probation); *sqldb.DB implements it.
type settingsStore interface {
	Settings(ctx context.Context) (rules.Settings, error)
}
