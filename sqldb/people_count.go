package sqldb

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// countCache keeps the totals of the people lists of a prefecture or wider
// (cappedPeopleCount), whose count may read the scope's millions of
// residents (a search by name: about 0.5 s on the province), so that paging
// through one costs its pages only (issue 7). An entry holds
// while the summaries' version (changed by every membership, party status,
// talent or name change) and the highest person id (a person added) stay
// the same, and at most countTTL, which bounds what neither shows: a
// person's home village changed.
type countCache struct {
	mu      sync.Mutex
	entries map[string]countEntry
}

type countEntry struct {
	stamp string
	n     int
	at    time.Time
}

// countEntries bounds the totals kept (as many as the summaries' figure
// cache keeps).
const countEntries = 2000

// countTTL is how long a cached total may be served.
const countTTL = 30 * time.Second

// peopleCount returns the count read by count for the list key, from the
// cache when still valid.
func (db *DB) peopleCount(ctx context.Context, key string, count func() (int, error)) (int, error) {
	version, ok := db.summaryVersion(ctx)
	var maxID int64
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM people`).Scan(&maxID); err != nil || !ok {
		return count()
	}
	stamp := fmt.Sprintf("%s/%d", version, maxID)
	c := &db.counts
	now := time.Now()
	c.mu.Lock()
	e, hit := c.entries[key]
	c.mu.Unlock()
	if hit && e.stamp == stamp && now.Sub(e.at) < countTTL {
		return e.n, nil
	}
	n, err := count()
	if err != nil {
		return 0, err
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) > countEntries {
		c.entries = map[string]countEntry{}
	}
	c.entries[key] = countEntry{stamp, n, now}
	c.mu.Unlock()
	return n, nil
}
