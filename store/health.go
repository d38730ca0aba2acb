package store

import (
	"context"
)

// Health is what /healthz and /readyz ask of the database, and how a page tells a lost connection (a failover) from a refusal.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Health interface {
	// HasReplica reports whether reads may go to a read replica (never for a
	// nil DB, a server started without a database in tests).
	HasReplica() bool
	// Replication returns the database's role, its standbys' lag and the read
	// replica's.
	Replication(ctx context.Context) (Replication, error)
	// WALPosition returns the primary's current WAL position (0 on SQLite):
	// what a read must see to include the writes made so far.
	WALPosition(ctx context.Context) (uint64, error)
	// MigrationsCurrent returns the database's schema version and the latest
	// embedded one; an error when the database does not answer.
	MigrationsCurrent(ctx context.Context) (have, want int, err error)
	// Unavailable reports whether err means the database could not be reached
	// (a failover in progress): a page answers 503 and keeps the user signed in.
	Unavailable(err error) bool
}

// readAnywhereKey marks a context whose plain reads may go to a replica.
type readAnywhereKey struct{}

// ReadAnywhere returns ctx under which the plain reads of a DB with a read
// replica may go to the replica, once it has replayed WAL position minLSN
// (the primary's position after the user's last write; 0 for none).
func ReadAnywhere(ctx context.Context, minLSN uint64) context.Context {
	return context.WithValue(ctx, readAnywhereKey{}, minLSN)
}

// ReadFloor returns the WAL position ReadAnywhere put in ctx, and whether it
// did: the store sends a read to a replica only then.
func ReadFloor(ctx context.Context) (uint64, bool) {
	min, ok := ctx.Value(readAnywhereKey{}).(uint64)
	return min, ok
}

// Replication is what /readyz reports of the database's role and lag.
type Replication struct {
	// Role is "primary" or "standby" on PostgreSQL (hezuo writes only on
	// a primary), "single" on SQLite.
	Role     string    `json:"role"`
	Standbys []Standby `json:"standbys,omitempty"`
	// ReadReplica is the --read-db replica as last probed.
	ReadReplica *ReplicaState `json:"read_replica,omitempty"`
}

// Standby is one standby streaming from the primary (pg_stat_replication).
type Standby struct {
	Name       string  `json:"name"`
	State      string  `json:"state"`
	Sync       string  `json:"sync"` // sync, quorum, async, potential
	LagBytes   int64   `json:"lag_bytes"`
	ReplayLagS float64 `json:"replay_lag_seconds"`
}

// ReplicaState is the read replica's health and lag.
type ReplicaState struct {
	Up    bool    `json:"up"`
	LagS  float64 `json:"lag_seconds"`
	InUse bool    `json:"in_use"` // lag within the limit: reads go there
}
