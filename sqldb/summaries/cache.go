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

// Stats is StatsOf through the cache of the summaries' version (from
// Version); it returns a copy.
func (sm *Store) Stats(ctx context.Context, version string, scope hezuo.Scope, d hezuo.Date) (*hezuo.Stats, error) {
	c, k := sm.figureCache(), figureKey{scope.String(), d.String()}
	c.mu.Lock()
	c.reset(version)
	s := c.stats[k]
	c.mu.Unlock()
	if s == nil {
		var err error
		if s, err = sm.StatsOf(ctx, scope, d); err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.reset(version)
		c.stats[k] = s
		c.mu.Unlock()
	}
	cp := *s
	cp.ManagedBy = maps.Clone(s.ManagedBy)
	return &cp, nil
}

// townsCached is OrgsByTownship's reading through the cache; the
// result is shared and must not be changed.
func (sm *Store) townsCached(ctx context.Context, version string, scope hezuo.Scope, d hezuo.Date,
	read func() (map[string]map[string]int, error)) (map[string]map[string]int, error) {
	c, k := sm.figureCache(), figureKey{scope.String(), d.String()}
	c.mu.Lock()
	c.reset(version)
	t := c.towns[k]
	c.mu.Unlock()
	if t != nil {
		return t, nil
	}
	t, err := read()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.reset(version)
	c.towns[k] = t
	c.mu.Unlock()
	return t, nil
}

// Names is read (sqldb's DivisionNames) through the cache of the
// summaries' version (from Version): divisions changes mark the summaries
// dirty, so they change the version. It returns a copy.
func (sm *Store) Names(ctx context.Context, version string, scope hezuo.Scope, level string,
	read func() (map[string]string, error)) (map[string]string, error) {
	c, k := sm.figureCache(), figureKey{scope.String(), level}
	c.mu.Lock()
	c.reset(version)
	n := c.names[k]
	c.mu.Unlock()
	if n == nil {
		var err error
		if n, err = read(); err != nil {
			return nil, err
		}
		c.mu.Lock()
		c.reset(version)
		c.names[k] = n
		c.mu.Unlock()
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
