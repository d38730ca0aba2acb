package web

import (
	"context"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb"
)

// BenchmarkPages serves the load test's endpoints in process (no network,
// no load generator) on a generated data set: HEZUO_BENCH_DB names it, by
// default the province file the sqldb benchmarks cache
// (os.TempDir()/hezuo-bench-province-1.db; `hezuo gen --scale province`).
// It signs in a county administrator of the whole database and reports the
// time of one request per endpoint; the data set is not changed but for
// that user and session.
//
//	go test ./web -run '^$' -bench Pages -benchtime 200x
func BenchmarkPages(b *testing.B) {
	dsn := os.Getenv("HEZUO_BENCH_DB")
	if dsn == "" {
		dsn = filepath.Join(os.TempDir(), "hezuo-bench-province-1.db")
		if _, err := os.Stat(dsn); err != nil {
			b.Skip("no " + dsn + " (hezuo gen --scale province) and HEZUO_BENCH_DB not set")
		}
	}
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s, err := New(db, Options{Log: log.New(io.Discard, "", 0), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	u, err := benchUser(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	sess, err := db.CreateSession(ctx, u, "zh", time.Now())
	if err != nil {
		b.Fatal(err)
	}
	defer db.DeleteSession(ctx, sess.Token)
	for _, path := range []string{"/", "/orgs", "/api/stats", "/api/orgs?page=1", "/people"} {
		b.Run(path, func(b *testing.B) {
			for b.Loop() {
				r := httptest.NewRequest(http.MethodGet, path, nil)
				r.AddCookie(&http.Cookie{Name: sessionCookie, Value: sess.Token})
				w := httptest.NewRecorder()
				s.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", path, w.Code, w.Body.String())
				}
			}
		})
	}
}

// benchUser returns the benchmark's county administrator of the whole
// database, created on first use.
func benchUser(ctx context.Context, db *sqldb.DB) (*hezuo.User, error) {
	users, err := db.Users(ctx, hezuo.System)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if u.Name == "bench-admin" {
			return u, nil
		}
	}
	u := &hezuo.User{Name: "bench-admin", Role: hezuo.RoleCountyAdmin, Scope: "all"}
	if err := db.CreateUser(ctx, u, "Bench-admin-2026!", time.Now()); err != nil {
		return nil, err
	}
	return u, nil
}
