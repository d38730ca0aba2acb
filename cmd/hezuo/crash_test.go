package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"hezuo"
	"hezuo/seal"
	"hezuo/sqldb"
	"hezuo/sqldb/dbtest"
)

// buildHezuo builds the hezuo binary into a temporary directory.
func buildHezuo(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "hezuo")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// fingerprint returns what a killed writer must leave unchanged: stats and
// check on two days, the row counts of the main tables and a hash of the
// dump; and checks that the database is sound (integrity and foreign keys).
func fingerprint(t *testing.T, dsn string) string {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	rows, err := db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Fatal("foreign_key_check reports broken references")
	}
	rows.Close()
	h := sha256.New()
	for _, day := range []string{"2022-06-08", "2026-01-01"} {
		d := hezuo.MustDate(day)
		st, err := db.Stats(ctx, hezuo.AllScope, d)
		if err != nil {
			t.Fatal(err)
		}
		ck, err := db.Check(ctx, hezuo.AllScope, d)
		if err != nil {
			t.Fatal(err)
		}
		json.NewEncoder(h).Encode(st)
		json.NewEncoder(h).Encode(ck)
	}
	ds, err := db.Dump(ctx, hezuo.AllScope)
	if err != nil {
		t.Fatal(err)
	}
	json.NewEncoder(h).Encode(ds)
	var people, members int
	db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM memberships)`).Scan(&people, &members)
	return fmt.Sprintf("people=%d memberships=%d dump=%s", people, members, hex.EncodeToString(h.Sum(nil))[:16])
}

// writeMembersCSV writes n member rows spread over the orgs of dsn, every
// one a new person.
func writeMembersCSV(t *testing.T, dsn, file string, n int) {
	t.Helper()
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	var orgs []string
	rows, err := db.Query(`SELECT org_no FROM orgs ORDER BY org_no`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		orgs = append(orgs, s)
	}
	rows.Close()
	db.Close()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	w.Write([]string{"身份证号", "姓名", "组织编号", "加入日期", "政治面貌", "是否入党积极分子", "是否专业技术人才", "联系电话"})
	birth := hezuo.MustDate("1950-01-01")
	for i := range n {
		id := hezuo.MakeIDNumber("222499", birth.AddDays(i/1000), i) // an address code no demo person has
		w.Write([]string{id, fmt.Sprintf("新成员%d", i), orgs[i%len(orgs)], "2023-03-01", "群众", "否", "否", fmt.Sprintf("139%08d", i)})
	}
	w.Flush()
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestKilledImportChangesNothing starts `hezuo import members` of 200,000
// rows on the demo database and kills it (SIGKILL) at random moments: four
// times in its first seconds (reading and checking the file), and once, on
// a copy, just after its write transaction has started to fill the WAL. Each time
// the database is as before (or, should the kill land after the commit,
// holds the whole import, never a part) and sound.
func TestKilledImportChangesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports 200,000 rows")
	}
	bin := buildHezuo(t)
	dsn := dbtest.SQLite(t)
	mustRun(t, "demo", "--db", dsn)
	big := filepath.Join(t.TempDir(), "big.csv")
	writeMembersCSV(t, dsn, big, 200_000)
	before := fingerprint(t, dsn)
	var people, members int
	fmt.Sscanf(before, "people=%d memberships=%d", &people, &members)
	whole := fmt.Sprintf("people=%d memberships=%d ", people+200_000, members+200_000)
	saved := filepath.Join(t.TempDir(), "saved.db")
	if err := copyDB(dsn, saved); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 9))
	start := func(db string) *exec.Cmd {
		c := exec.Command(bin, "import", "members", big, "--db", db)
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		return c
	}
	finish := func(i int, c *exec.Cmd, db string, at time.Duration) {
		c.Process.Signal(syscall.SIGKILL)
		err := c.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("kill %d at %s (seed %d): the import was not killed (%v)", i, at, seed, err)
		}
		got := fingerprint(t, db)
		switch {
		case got == before:
			t.Logf("kill %d at %s: unchanged and sound", i, at.Round(time.Millisecond))
		case strings.HasPrefix(got, whole):
			// Killed after the commit: the whole import is there. Put the
			// database back for the next kill.
			t.Logf("kill %d at %s: after the commit, the whole import is there and sound", i, at.Round(time.Millisecond))
			os.Remove(db + "-wal")
			os.Remove(db + "-shm")
			if err := copyDB(saved, db); err != nil {
				t.Fatal(err)
			}
		default:
			t.Fatalf("kill %d at %s (seed %d): the database changed:\n got %s\nwant %s", i, at, seed, got, before)
		}
	}

	// The write-phase kill runs on a copy, alongside the early kills (the
	// reading takes most of the import's time): once the write transaction
	// spills pages into the WAL it is open, and the import dies within the
	// next 200 ms.
	copyAt := filepath.Join(t.TempDir(), "copy.db")
	if err := copyDB(saved, copyAt); err != nil {
		t.Fatal(err)
	}
	long := start(copyAt)
	began := time.Now()
	delay := time.Duration(r.IntN(200)) * time.Millisecond
	walSeen := make(chan time.Duration, 1)
	go func() {
		for time.Since(began) < 3*time.Minute {
			if st, err := os.Stat(copyAt + "-wal"); err == nil && st.Size() > 0 {
				time.Sleep(delay)
				long.Process.Signal(syscall.SIGKILL)
				walSeen <- time.Since(began)
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
		walSeen <- 0
	}()

	for i := range 4 {
		c := start(dsn)
		at := time.Duration(200+r.IntN(4800)) * time.Millisecond
		time.Sleep(at)
		finish(i, c, dsn, at)
	}
	at := <-walSeen
	if at == 0 {
		t.Fatal("the import wrote nothing in 3 minutes")
	}
	finish(4, long, copyAt, at)
}

// copyDB copies a quiet SQLite database (a consistent snapshot) and its key
// to another file, which must not exist.
func copyDB(from, to string) error {
	db, err := sqldb.Open(context.Background(), from)
	if err != nil {
		return err
	}
	defer db.Close()
	os.Remove(to)
	if _, err = db.Exec(`VACUUM INTO ?`, to); err != nil {
		return err
	}
	// The copy's personal data is sealed with the original's key.
	key, err := os.ReadFile(db.KeyFile())
	if err != nil {
		return err
	}
	return os.WriteFile(seal.DefaultFile(to), key, 0o600)
}
