package summaries

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"maps"
	"sync"

	"hezuo"
)

// figureCache keeps the figures read from the summaries of one database
// while its summary version (meta summary_version, changed in the
// transaction of every refresh or rebuild, by any process) stays the same:
// a dashboard read by many users costs one version check. It holds at most
// cacheEntries results.
type figureCache struct {
	mu      sync.Mutex
	version string
	stats   map[figureKey]*hezuo.Stats
	towns   map[figureKey]map[string]map[string]int
	names   map[figureKey]map[string]string
}

type figureKey struct{ scope, day string }

const cacheEntries = 2000

func (sm *Store) figureCache() *figureCache { return &sm.cache }

// reset empties the cache when the version changed or it is full.
func (c *figureCache) reset(version string) {
	if c.stats == nil || c.version != version || len(c.stats)+len(c.towns)+len(c.names) > cacheEntries {
		c.version = version
		c.stats = map[figureKey]*hezuo.Stats{}
		c.towns = map[figureKey]map[string]map[string]int{}
		c.names = map[figureKey]map[string]string{}
	}
}

// cached returns the value of k in the table of c that table picks, while
// the summaries' version stays version: on a miss, the one read gives,
// then kept.
func cached[V any](c *figureCache, version string, k figureKey, table func(*figureCache) map[figureKey]V,
	read func() (V, error)) (V, error) {
	c.mu.Lock()
	c.reset(version)
	v, ok := table(c)[k]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := read()
	if err != nil {
		var none V
		return none, err
	}
	c.mu.Lock()
	c.reset(version)
	table(c)[k] = v
	c.mu.Unlock()
	return v, nil
}

// Stats is StatsOf through the cache of the summaries' version (from
// Version); it returns a copy.
func (sm *Store) Stats(ctx context.Context, version string, scope hezuo.Scope, d hezuo.Date) (*hezuo.Stats, error) {
	s, err := cached(sm.figureCache(), version, figureKey{scope.String(), d.String()},
		func(c *figureCache) map[figureKey]*hezuo.Stats { return c.stats },
		func() (*hezuo.Stats, error) { return sm.StatsOf(ctx, scope, d) })
	if err != nil {
		return nil, err
	}
	cp := *s
	cp.ManagedBy = maps.Clone(s.ManagedBy)
	return &cp, nil
}

// townsCached is OrgsByTownship's reading through the cache; the
// result is shared and must not be changed.
func (sm *Store) townsCached(ctx context.Context, version string, scope hezuo.Scope, d hezuo.Date,
	read func() (map[string]map[string]int, error)) (map[string]map[string]int, error) {
	return cached(sm.figureCache(), version, figureKey{scope.String(), d.String()},
		func(c *figureCache) map[figureKey]map[string]map[string]int { return c.towns }, read)
}

// Names is read (sqldb's DivisionNames) through the cache of the
// summaries' version (from Version): divisions changes mark the summaries
// dirty, so they change the version. It returns a copy.
func (sm *Store) Names(ctx context.Context, version string, scope hezuo.Scope, level string,
	read func() (map[string]string, error)) (map[string]string, error) {
	n, err := cached(sm.figureCache(), version, figureKey{scope.String(), level},
		func(c *figureCache) map[figureKey]map[string]string { return c.names }, read)
	if err != nil {
		return nil, err
	}
	return maps.Clone(n), nil
}

// bumpSummaryVersion gives the summaries a new version, in x's transaction.
func (sm *Store) bumpSummaryVersion(ctx context.Context, x execQuerier) error {
	b := make([]byte, 8)
	rand.Read(b)
	_, err := x.ExecContext(ctx, sm.rebind(`INSERT INTO meta (key, value) VALUES ('summary_version', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`), hex.EncodeToString(b))
	return err
}
