package web

import (
	"context"
	"net/http"
	"testing"

	"hezuo/sqldb/dbtest"
)

// TestHealthAndReady: /healthz answers while the process runs; /readyz
// only while the database answers at the current schema, else 503.
func TestHealthAndReady(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t), Options{})
	c := a.anon(t)
	var ready struct {
		Status        string
		SchemaVersion int `json:"schema_version"`
	}
	if st := c.getJSON("/healthz", nil); st != http.StatusOK {
		t.Errorf("/healthz: %d", st)
	}
	if st := c.getJSON("/readyz", &ready); st != http.StatusOK || ready.Status != "ready" || ready.SchemaVersion == 0 {
		t.Errorf("/readyz: %d %+v", st, ready)
	}
	// A schema behind this program's migrations is not ready.
	if _, err := a.db.ExecContext(context.Background(), `DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)`); err != nil {
		t.Fatal(err)
	}
	if st, body := c.get("/readyz"); st != http.StatusServiceUnavailable {
		t.Errorf("/readyz with an old schema: %d %s", st, body)
	}
	a.db.Close()
	if st, body := c.get("/readyz"); st != http.StatusServiceUnavailable {
		t.Errorf("/readyz with the database closed: %d %s", st, body)
	}
	if st, _ := c.get("/healthz"); st != http.StatusOK {
		t.Errorf("/healthz with the database closed: %d", st)
	}
}
