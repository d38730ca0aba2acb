package web

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
	"hezuo/store"
)

// TestReadReplicaRouting (PostgreSQL; the database stands in for its own
// replica): a write's answer carries the primary's WAL position in the
// hezuo_wal cookie, the user's next read sees the write, and /readyz
// reports the role, the replica and its lag. TestClusterFailover
// (cmd/hezuo) runs the same against a real replica.
func TestReadReplicaRouting(t *testing.T) {
	dsn := dbtest.Postgres(t)
	copyDemo(t, dsn)
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.OpenReplica(ctx, dsn, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	s, err := New(db, Options{Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(func() { srv.Close(); s.Close() })
	a := &app{db: db, srv: srv, clock: &clock{t: time.Now()}}
	c := a.login(t, "admin")
	u, _ := url.Parse(srv.URL)
	wal := func() uint64 {
		for _, k := range c.hc.Jar.Cookies(u) {
			if k.Name == walCookie {
				v, _ := strconv.ParseUint(k.Value, 16, 64)
				return v
			}
		}
		return 0
	}
	signedIn := wal()
	if signedIn == 0 {
		t.Fatal("no hezuo_wal cookie after signing in (a write: the session)")
	}
	var po string
	if err := db.QueryRowContext(ctx, `SELECT p.no FROM meetings m JOIN party_orgs p ON p.id = m.party_org_id ORDER BY m.id LIMIT 1`).Scan(&po); err != nil {
		t.Fatal(err)
	}
	var list struct{ Total int }
	c.getJSON("/api/meetings?party_org="+po, &list)
	before := list.Total
	st, body := c.postJSON("/api/meetings", map[string]any{"party_org": po, "kind": hezuo.MeetingThemeDay,
		"held_on": hezuo.Today(hezuo.China).AddDays(-3000).String(), "topic": "副本路由"})
	if st != http.StatusCreated {
		t.Fatalf("POST /api/meetings: %d %s", st, body)
	}
	if w := wal(); w <= signedIn {
		t.Errorf("hezuo_wal after the write %x, not past %x", w, signedIn)
	}
	if c.getJSON("/api/meetings?party_org="+po, &list); list.Total != before+1 {
		t.Errorf("the writer's next read: %d meetings, want %d", list.Total, before+1)
	}
	var ready struct {
		Status   string
		Database store.Replication
	}
	if st := c.getJSON("/readyz", &ready); st != http.StatusOK || ready.Database.Role != "primary" ||
		ready.Database.ReadReplica == nil || !ready.Database.ReadReplica.Up || !ready.Database.ReadReplica.InUse {
		t.Errorf("/readyz: %d %+v", st, ready)
	}
}
