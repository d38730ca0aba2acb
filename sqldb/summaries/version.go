package summaries

import (
	"context"
	"database/sql"
	"strings"
	"sync"

	"hezuo"
)

// Ready reports whether Stats and Check may read the summaries: up to
// date through today, refreshed now if records were written since, or
// rebuilt now when the database is small. Any failure means "no": the
// figures are then computed directly.
func (sm *Store) Ready(ctx context.Context, today hezuo.Date) bool {
	_, ok := sm.Version(ctx, today)
	return ok
}

// Version is Ready that also returns the summaries' version (meta
// summary_version, the key of the figure cache).
func (sm *Store) Version(ctx context.Context, today hezuo.Date) (string, bool) {
	if m, ok := ctx.Value(versionMemoKey{}).(*versionMemo); ok && m.sm == sm {
		m.once.Do(func() { m.version, m.ok = sm.readVersion(ctx, today) })
		return m.version, m.ok
	}
	return sm.readVersion(ctx, today)
}

// versionMemo holds the summaries' version as a reading's first look found
// it (Reading).
type versionMemo struct {
	sm      *Store
	once    sync.Once
	version string
	ok      bool
}

type versionMemoKey struct{}

// Reading returns ctx for a reading that writes no records (a web page or
// API GET): in it the summaries' version is read (and the summaries
// refreshed if needed) once, by the first figure asked, rather than once
// per figure: a dashboard asks for half a dozen (issue 7).
func (sm *Store) Reading(ctx context.Context) context.Context {
	return context.WithValue(ctx, versionMemoKey{}, &versionMemo{sm: sm})
}

// readVersion is Version, read from the database.
func (sm *Store) readVersion(ctx context.Context, today hezuo.Date) (string, bool) {
	var dirty int
	var last hezuo.Date
	var print, version sql.NullString
	const q = `SELECT (SELECT count(*) FROM summary_dirty), (SELECT max(period_start) FROM summary_periods),
		(SELECT value FROM meta WHERE key = 'summary_settings'), (SELECT value FROM meta WHERE key = 'summary_version')`
	if err := sm.db.QueryRowContext(ctx, q).Scan(&dirty, &last, &print, &version); err != nil {
		return "", false
	}
	// Settings changes are marked dirty by a trigger; the print is checked
	// against the settings when refreshing.
	format := strings.HasPrefix(print.String, summaryFormat+":")
	if dirty == 0 && format && !last.IsZero() && dayOf(last) >= periodStart(dayOf(today)) {
		return version.String, true
	}
	if err := sm.Refresh(ctx, nil, today); err != nil {
		return "", false
	}
	if err := sm.db.QueryRowContext(ctx, q).Scan(&dirty, &last, &print, &version); err != nil {
		return "", false
	}
	return version.String, dirty == 0 && strings.HasPrefix(print.String, summaryFormat+":")
}
