package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"hezuo/sqldb/dbtest"
)

// TestConfigFileAndEnvironment: every flag comes from the configuration
// file (top lines for every command, [COMMAND] sections for one), from
// HEZUO_<FLAG>, and from the command line, in rising precedence.
func TestConfigFileAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	db := func(name string) string { return filepath.Join(dir, name+".db") }
	conf := filepath.Join(dir, "hezuo.conf")
	os.WriteFile(conf, []byte("# hezuo\ndb = "+db("file")+"\nlang = en\n[stats]\nformat = json\n"), 0o600)
	t.Setenv("HEZUO_DB", "")
	os.Unsetenv("HEZUO_DB")
	used := func(args ...string) string {
		t.Helper()
		out := mustRun(t, args...)
		m := regexp.MustCompile(`database (\S+) \(`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("migrate output %q", out)
		}
		return m[1]
	}
	if got := used("migrate", "--config", conf); got != db("file") {
		t.Errorf("from the file: %s", got)
	}
	t.Setenv("HEZUO_CONFIG", conf)
	if got := used("migrate"); got != db("file") {
		t.Errorf("from $HEZUO_CONFIG: %s", got)
	}
	t.Setenv("HEZUO_DB", db("env"))
	if got := used("migrate"); got != db("env") {
		t.Errorf("environment over file: %s", got)
	}
	if got := used("migrate", "--db", db("flag")); got != db("flag") {
		t.Errorf("flag over environment: %s", got)
	}
	// The [stats] section gives stats --format json, and not migrate.
	if out := mustRun(t, "stats", "--as-of", "2024-01-01"); !strings.HasPrefix(strings.TrimSpace(out), "{") {
		t.Errorf("stats with format = json in its section: %.80s", out)
	}
	t.Setenv("HEZUO_AS_OF", "2024-13-01")
	if code, _, errs := hz(t, "", "stats"); code != 2 || !strings.Contains(errs, "as-of") {
		t.Errorf("a bad HEZUO_AS_OF: exit %d %s", code, errs)
	}
	os.Unsetenv("HEZUO_AS_OF")
	os.WriteFile(conf, []byte("db "+db("x")+"\n"), 0o600)
	if code, _, errs := hz(t, "", "migrate"); code != 2 || !strings.Contains(errs, "name = value") {
		t.Errorf("a malformed file: exit %d %s", code, errs)
	}
}

// TestBackupRestoreCommands: backup prints the key notice; restore refuses
// a database with data (exit 1) unless --force, and files that are not
// backups.
func TestBackupRestoreCommands(t *testing.T) {
	src := dbtest.SQLite(t)
	if code, _, errs := hz(t, "Backup-cmd-pw1\n", "user", "add", "wang", "--role", "county_admin", "--scope", "222424", "--password-stdin", "--db", src); code != 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(t.TempDir(), "b.hezuo")
	out := mustRun(t, "backup", file, "--db", src)
	if !strings.Contains(out, "备份已写入") || !strings.Contains(out, "不含身份证号和电话的加密密钥") {
		t.Errorf("backup output: %s", out)
	}
	if code, _, _ := hz(t, "", "backup", file, "--db", src); code != 1 {
		t.Errorf("backup over an existing file: exit %d, want 1", code)
	}
	target := dbtest.SQLite(t)
	mustRun(t, "restore", file, "--db", target)
	if out := mustRun(t, "user", "list", "--db", target); !strings.Contains(out, "wang") {
		t.Errorf("restored users: %s", out)
	}
	code, _, errs := hz(t, "", "restore", file, "--db", target)
	if code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("restore over data: exit %d %s", code, errs)
	}
	mustRun(t, "restore", "--force", file, "--db", target)
	junk := filepath.Join(t.TempDir(), "junk")
	os.WriteFile(junk, []byte("hello"), 0o600)
	if code, _, errs := hz(t, "", "restore", junk, "--db", dbtest.SQLite(t)); code != 1 || !strings.Contains(errs, "不是 hezuo 备份") {
		t.Errorf("restore of junk: exit %d %s", code, errs)
	}
}

// TestServeGracefulShutdown: a request still being received when SIGTERM
// (the context's end) arrives is finished and answered; serve then returns
// cleanly and new connections are refused.
func TestServeGracefulShutdown(t *testing.T) {
	db := dbtest.SQLite(t)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	var logs strings.Builder
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--log-format", "json"}, strings.NewReader(""), pw, &lockedWriter{w: &logs})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	base := regexp.MustCompile(`http://\S+/`).FindString(line)
	if base == "" {
		t.Fatalf("no URL in %q", line)
	}
	// A sign-in whose body arrives slowly: half now, half after SIGTERM.
	body, feed := io.Pipe()
	req, _ := http.NewRequest("POST", base+"api/login", body)
	req.Header.Set("Content-Type", "application/json")
	req.ContentLength = -1
	answered := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Errorf("the request in flight: %v", err)
			answered <- 0
			return
		}
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	fmt.Fprint(feed, `{"username": "nobody", `)
	time.Sleep(300 * time.Millisecond)
	stop() // SIGTERM
	time.Sleep(300 * time.Millisecond)
	select {
	case code := <-done:
		t.Fatalf("serve returned (%d) with a request in flight", code)
	default:
	}
	fmt.Fprint(feed, `"password": "Wrong-password-1"}`)
	feed.Close()
	if st := <-answered; st != http.StatusUnauthorized {
		t.Errorf("the request in flight: %d, want its answer (401)", st)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve: exit %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := http.Get(base + "healthz"); err == nil {
		t.Error("a new connection after shutdown was accepted")
	}
	if !strings.Contains(logs.String(), `"route":"POST /api/login"`) || !strings.Contains(logs.String(), `"status":401`) {
		t.Errorf("request log: %s", logs.String())
	}
}

// lockedWriter serialises writes from the server's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
