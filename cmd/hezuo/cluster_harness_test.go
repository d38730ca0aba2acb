package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The cluster of the failover test: scripts/cluster.sh, the hezuo server
// on it, and the checks run once the load has stopped.

// testCluster is a pg_auto_failover cluster started by scripts/cluster.sh
// in a directory of its own, on ports from port+1.
type testCluster struct {
	t      *testing.T
	script string
	dir    string
	port   string
	base   int // the port the nodes count up from
}

// startCluster starts the cluster, or skips the test without
// HEZUO_TEST_CLUSTER or pg_autoctl; the cluster is stopped when the test
// ends unless HEZUO_TEST_CLUSTER_KEEP is set.
func startCluster(t *testing.T) *testCluster {
	if os.Getenv("HEZUO_TEST_CLUSTER") == "" {
		t.Skip("cluster test skipped: set HEZUO_TEST_CLUSTER=1 (needs pg_auto_failover: apt-get install pg-auto-failover-cli postgresql-15-auto-failover)")
	}
	if _, err := exec.LookPath("pg_autoctl"); err != nil {
		t.Skip("cluster test skipped: pg_autoctl not installed (apt-get install pg-auto-failover-cli postgresql-15-auto-failover)")
	}
	script, err := filepath.Abs("../../scripts/cluster.sh")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "hezuo-cluster-test-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	port := os.Getenv("HEZUO_TEST_CLUSTER_PORT")
	if port == "" {
		port = "15531"
	}
	base, _ := strconv.Atoi(port)
	c := &testCluster{t: t, script: script, dir: dir, port: port, base: base}
	t.Cleanup(func() {
		if os.Getenv("HEZUO_TEST_CLUSTER_KEEP") != "" {
			t.Logf("cluster kept in %s", dir)
			return
		}
		cmd := exec.Command("sh", script, "down")
		cmd.Env = c.env()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("cluster.sh down: %v %s", err, out)
		}
	})
	start := time.Now()
	t.Logf("cluster up:\n%s", c.run(8*time.Minute, "up"))
	t.Logf("cluster started in %s", time.Since(start).Round(time.Second))
	return c
}

func (c *testCluster) env() []string {
	return append(os.Environ(), "HEZUO_CLUSTER_DIR="+c.dir, "HEZUO_CLUSTER_PORT="+c.port)
}

// run runs cluster.sh with args and returns its output; it fails the test
// when the script fails or outlasts timeout.
func (c *testCluster) run(timeout time.Duration, args ...string) string {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", append([]string{c.script}, args...)...)
	cmd.Env = c.env()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		c.t.Fatalf("cluster.sh %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errb.String())
	}
	return strings.TrimSpace(out.String())
}

// newPrimary returns the primary once it is another node than old,
// waiting up to wait for the cluster to name one.
func (c *testCluster) newPrimary(old string, wait time.Duration) string {
	now := c.run(time.Minute, "primary")
	for deadline := time.Now().Add(wait); (now == old || now == "") && time.Now().Before(deadline); time.Sleep(time.Second) {
		now = c.run(time.Minute, "primary")
	}
	return now
}

// serveOnCluster runs `hezuo serve --demo` in this process on the
// cluster's DSN and replica DSN, and returns its URL (no trailing slash)
// and the demo administrator's password.
func serveOnCluster(t *testing.T, dsn, readDSN string) (string, string) {
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", dsn, "--read-db", readDSN, "--demo", "--addr", "127.0.0.1:0"}, strings.NewReader(""), out, out)
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d", code)
		}
	})
	var base, password string
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		s := out.String()
		if u, p := urlRe.FindString(s), passwordRe.FindStringSubmatch(s); u != "" && p != nil {
			base, password = strings.TrimSuffix(u, "/"), p[1]
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, s)
		default:
		}
	}
	if base == "" {
		t.Fatalf("serve did not start: %s", out.String())
	}
	return base, password
}

// readiness is the part of /readyz the test reads.
type readiness struct {
	Status   string `json:"status"`
	Database struct {
		Role     string `json:"role"`
		Standbys []struct {
			Name string `json:"name"`
			Sync string `json:"sync"`
		} `json:"standbys"`
		ReadReplica *struct {
			Up bool `json:"up"`
		} `json:"read_replica"`
	} `json:"database"`
}

// login signs the demo administrator in; the client keeps the session.
func login(t *testing.T, base, password string) *http.Client {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	b, _ := json.Marshal(map[string]string{"username": "admin", "password": password})
	resp, err := c.Post(base+"/api/login", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("login: %d", resp.StatusCode)
	}
	return c
}

// failoverTopics returns the topics of the test's meetings on db, retrying
// for a minute while the new primary settles.
func failoverTopics(t *testing.T, db *sql.DB) map[string]bool {
	have := map[string]bool{}
	rows, err := db.Query(`SELECT topic FROM meetings WHERE topic LIKE 'failover-%'`)
	for deadline := time.Now().Add(time.Minute); err != nil && time.Now().Before(deadline); time.Sleep(time.Second) {
		rows, err = db.Query(`SELECT topic FROM meetings WHERE topic LIKE 'failover-%'`)
	}
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		have[s] = true
	}
	rows.Close()
	return have
}

// nodesAgree checks that each of the three nodes comes to the figures of
// the primary db within two minutes.
func nodesAgree(t *testing.T, db *sql.DB, base int) {
	figures := `SELECT (SELECT count(*) FROM meetings) || '/' || (SELECT count(*) FROM people) || '/' ||
		(SELECT count(*) FROM audit_log) || '/' || (SELECT count(*) FROM memberships) || '/' ||
		coalesce((SELECT md5(string_agg(topic || held_on, ',' ORDER BY id)) FROM meetings), '')`
	var want string
	if err := db.QueryRow(figures).Scan(&want); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 3; n++ {
		node := fmt.Sprintf("postgres://postgres@127.0.0.1:%d/hezuo?sslmode=disable", base+n)
		var got string
		for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(500 * time.Millisecond) {
			ndb, err := sql.Open("pgx", node)
			if err == nil {
				err = ndb.QueryRow(figures).Scan(&got)
				ndb.Close()
			}
			if (err == nil && got == want) || time.Now().After(deadline) {
				break
			}
		}
		if got != want {
			t.Errorf("node %d: figures %q, primary %q", n, got, want)
		} else {
			t.Logf("node %d (127.0.0.1:%d): %s", n, base+n, got)
		}
	}
}
