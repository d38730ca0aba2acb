package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"hezuo/sqldb/internal/sqlx"
	"hezuo/store"
)

// A cluster (issue 20): --db names the primary by a multi-host DSN
// ("host=a,b,c target_session_attrs=read-write", or
// postgres://a:1,b:2/hezuo?target_session_attrs=read-write), which pgx
// resolves to whichever host accepts writes at connect time. After a
// failover the pool's connections to the lost primary fail once and are
// discarded (pgx marks them closed; database/sql drops closed connections
// and pings one idle for over a second before reuse), and new ones find the
// new primary. database/sql retries an operation on another connection only
// when pgx reports that nothing was sent (pgconn.SafeToRetry): a COMMIT whose
// answer was lost is never repeated, it fails, and the user is told that the
// change may not have been saved (sqlx.ConnLost, web's 503).
//
// A read replica (--read-db, OpenReplica) takes the plain reads of requests
// that may read stale data (ReadAnywhere): the web layer marks GET requests,
// with the primary's WAL position after the user's last write, so that a
// user reads their own writes. Reads go to the replica only when it has
// replayed that position and lags the primary by no more than maxLag;
// otherwise, and when it fails, to the primary.

// replica is the read replica of a DB and what is known of its lag.
type replica struct {
	db     *sql.DB
	maxLag time.Duration
	stop   chan struct{}
	done   chan struct{}

	mu      sync.Mutex
	up      bool
	replay  uint64        // the replica's replayed WAL position at the last probe
	lag     time.Duration // how long the primary has had WAL the replica lacks
	samples []lsnSample   // the primary's WAL position over the last minute
	probed  time.Time
	reads   uint64 // reads served by the replica
}

type lsnSample struct {
	at  time.Time
	lsn uint64
}

// OpenReplica adds the read replica named by dsn (PostgreSQL only): plain
// reads under ReadAnywhere go there while it lags by no more than maxLag
// (default 5 s). A background probe every half second measures it.
func (db *DB) OpenReplica(ctx context.Context, dsn string, maxLag time.Duration) error {
	if db.Dialect != Postgres || !IsPostgres(dsn) {
		return fmt.Errorf("--read-db 只用于 PostgreSQL / --read-db needs PostgreSQL for both databases")
	}
	if maxLag <= 0 {
		maxLag = 5 * time.Second
	}
	r, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	r.SetMaxOpenConns(db.maxConns())
	r.SetMaxIdleConns(db.maxConns())
	if err := r.PingContext(ctx); err != nil {
		r.Close()
		return fmt.Errorf("打开只读副本 %s 失败 / cannot open the read replica: %w", sqlx.RedactDSN(dsn), err)
	}
	rep := &replica{db: r, maxLag: maxLag, stop: make(chan struct{}), done: make(chan struct{})}
	db.replica = rep
	rep.probe(ctx, db.conn)
	go rep.run(db.conn)
	return nil
}

func (db *DB) maxConns() int {
	if n := db.conn.Stats().MaxOpenConnections; n > 0 {
		return n
	}
	return 8
}

func (r *replica) run(primary *sql.DB) {
	defer close(r.done)
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			r.probe(ctx, primary)
			cancel()
		}
	}
}

// probe reads the primary's WAL position and the replica's replayed one.
func (r *replica) probe(ctx context.Context, primary *sql.DB) {
	now := time.Now()
	var p string
	perr := primary.QueryRowContext(ctx, `SELECT pg_current_wal_lsn()::text`).Scan(&p)
	var rs string
	rerr := r.db.QueryRowContext(ctx, `SELECT coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text`).Scan(&rs)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.probed = now
	if perr == nil {
		if lsn, err := sqlx.ParseLSN(p); err == nil {
			r.samples = append(r.samples, lsnSample{now, lsn})
		}
	}
	for len(r.samples) > 0 && now.Sub(r.samples[0].at) > time.Minute {
		r.samples = r.samples[1:]
	}
	if rerr != nil {
		r.up = false
		return
	}
	lsn, err := sqlx.ParseLSN(rs)
	if err != nil {
		r.up = false
		return
	}
	r.up = true
	r.replay = lsn
	// The lag is the age of the oldest primary position the replica has
	// not replayed: zero when it has everything the primary had.
	r.lag = 0
	for _, s := range r.samples {
		if s.lsn > lsn {
			r.lag = now.Sub(s.at)
			break
		}
	}
	if len(r.samples) == 0 && perr != nil {
		r.lag = r.maxLag + time.Second // primary unknown: do not trust the replica
	}
}

// usable reports whether a read that must see WAL position min may go to
// the replica.
func (r *replica) usable(min uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.up && r.replay >= min && r.lag <= r.maxLag && time.Since(r.probed) < 5*time.Second
}

func (r *replica) close() {
	close(r.stop)
	<-r.done
	r.db.Close()
}

// reader returns the replica for q under ctx, or nil for the primary.
func (db *DB) reader(ctx context.Context, q string) *replica {
	r := db.replica
	if r == nil {
		return nil
	}
	min, ok := store.ReadFloor(ctx)
	if !ok || !sqlx.ReadOnly(q) || !r.usable(min) {
		return nil
	}
	return r
}

// WALPosition returns the primary's current WAL position (0 on SQLite):
// what a read must see to include the writes made so far.
func (db *DB) WALPosition(ctx context.Context) (uint64, error) {
	if db.Dialect != Postgres {
		return 0, nil
	}
	var s string
	if err := db.conn.QueryRowContext(ctx, `SELECT pg_current_wal_lsn()::text`).Scan(&s); err != nil {
		return 0, err
	}
	return sqlx.ParseLSN(s)
}

// HasReplica reports whether reads may go to a read replica (never for a
// nil DB, a server started without a database in tests).
func (db *DB) HasReplica() bool { return db != nil && db.replica != nil }

// Replication returns the database's role, its standbys' lag and the read
// replica's.
func (db *DB) Replication(ctx context.Context) (store.Replication, error) {
	if db.Dialect != Postgres {
		return store.Replication{Role: "single"}, nil
	}
	var rep store.Replication
	var standby bool
	if err := db.conn.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&standby); err != nil {
		return rep, err
	}
	rep.Role = "primary"
	if standby {
		rep.Role = "standby"
	} else {
		rows, err := db.conn.QueryContext(ctx, `SELECT application_name, state, sync_state,
			coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint,
			coalesce(extract(epoch FROM replay_lag), 0)::float8
			FROM pg_stat_replication ORDER BY application_name`)
		if err != nil {
			return rep, err
		}
		defer rows.Close()
		for rows.Next() {
			var s store.Standby
			if err := rows.Scan(&s.Name, &s.State, &s.Sync, &s.LagBytes, &s.ReplayLagS); err != nil {
				return rep, err
			}
			rep.Standbys = append(rep.Standbys, s)
		}
		if err := rows.Err(); err != nil {
			return rep, err
		}
	}
	if r := db.replica; r != nil {
		r.mu.Lock()
		st := &store.ReplicaState{Up: r.up, LagS: r.lag.Seconds()}
		st.InUse = r.up && r.lag <= r.maxLag && time.Since(r.probed) < 5*time.Second
		r.mu.Unlock()
		rep.ReadReplica = st
	}
	return rep, nil
}

// onStandby reports whether the database is a PostgreSQL standby (read
// only: `hezuo backup` from a standby of the cluster).
func (db *DB) onStandby(ctx context.Context) (bool, error) {
	if db.Dialect != Postgres {
		return false, nil
	}
	var standby bool
	err := db.conn.QueryRowContext(ctx, `SELECT pg_is_in_recovery()`).Scan(&standby)
	return standby, err
}

// standbyCurrent is Migrate on a standby, which cannot be written: it
// checks that the primary's migrations reached it.
func (db *DB) standbyCurrent(ctx context.Context) error {
	have, want, err := db.MigrationsCurrent(ctx)
	if err != nil {
		return err
	}
	if have != want {
		return fmt.Errorf("备库的结构版本 %d 不是 %d，请先在主库上迁移 / the standby's schema version is %d, not %d: migrate on the primary first", have, want, have, want)
	}
	return nil
}

// Unavailable reports whether err means the database could not be reached
// (sqlx.ConnLost): store.Health's question, so that the web need not know the
// drivers' errors.
func (db *DB) Unavailable(err error) bool { return sqlx.ConnLost(err) }
