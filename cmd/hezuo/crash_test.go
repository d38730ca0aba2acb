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
	rows, err := db.QueryContext(context.Background(), `SELECT org_no FROM orgs ORDER BY org_no`)
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

// crashRows is the size of the import TestKilledImportChangesNothing
// kills: enough for a reading phase and a write transaction that spills
// into the WAL well before it commits (the kill points are chosen from the
// import's progress, not from a fixed clock, so the size need not be big).
const crashRows = 20_000

// TestKilledImportChangesNothing starts `hezuo import members` of
// crashRows new members on the demo database and kills it (SIGKILL): once,
// on a copy, as its write transaction fills the WAL (a kill that must land
// mid-write, which also times the reading phase), then four times
// at random moments of that reading phase (reading and checking the file).
// Each time the database is as before (or, should the kill land after the
// commit, holds the whole import, never a part) and sound.
func TestKilledImportChangesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and imports 20,000 rows")
	}
	bin := buildHezuo(t)
	dsn := dbtest.SQLite(t)
	copyDemo(t, dsn) // the demo county, as `hezuo demo` loads it
	big := filepath.Join(t.TempDir(), "big.csv")
	writeMembersCSV(t, dsn, big, crashRows)
	before := fingerprint(t, dsn)
	var people, members int
	fmt.Sscanf(before, "people=%d memberships=%d", &people, &members)
	whole := fmt.Sprintf("people=%d memberships=%d ", people+crashRows, members+crashRows)
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
	// finish kills c, checks it died of the kill (it was still running),
	// and compares db with the fingerprint from before; it reports whether
	// the kill landed after the commit.
	finish := func(i int, c *exec.Cmd, db string, at time.Duration) bool {
		c.Process.Signal(syscall.SIGKILL)
		err := c.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("kill %d at %s (seed %d): the import was not killed (%v)", i, at, seed, err)
		}
		got := fingerprint(t, db)
		switch {
		case got == before:
			t.Logf("kill %d at %s: unchanged and sound", i, at.Round(time.Millisecond))
			return false
		case strings.HasPrefix(got, whole):
			// Killed after the commit: the whole import is there. Put the
			// database back for the next kill.
			t.Logf("kill %d at %s: after the commit, the whole import is there and sound", i, at.Round(time.Millisecond))
			os.Remove(db + "-wal")
			os.Remove(db + "-shm")
			if err := copyDB(saved, db); err != nil {
				t.Fatal(err)
			}
			return true
		default:
			t.Fatalf("kill %d at %s (seed %d): the database changed:\n got %s\nwant %s", i, at, seed, got, before)
		}
		return false
	}

	// The write-phase kill, on a copy: once the write transaction spills
	// pages into the WAL it is open (reading and checking write nothing);
	// the import is killed as soon as the WAL has grown by walGrowth bytes
	// (the import's rows, not some small bookkeeping write), and the kill
	// must land before the commit (else it is tried again).
	const walGrowth = 256 << 10
	copyAt := filepath.Join(t.TempDir(), "copy.db")
	var reading time.Duration
	for try := 0; ; try++ {
		if err := copyDB(saved, copyAt); err != nil {
			t.Fatal(err)
		}
		long := start(copyAt)
		began := time.Now()
		var first, last int64 // WAL sizes: first seen, last seen
		for last < first+walGrowth {
			if time.Since(began) > 3*time.Minute {
				long.Process.Kill()
				long.Wait()
				t.Fatal("the import wrote nothing in 3 minutes")
			}
			if st, err := os.Stat(copyAt + "-wal"); err == nil && st.Size() > 0 {
				if first == 0 {
					first, reading = st.Size(), time.Since(began)
				}
				last = st.Size()
			}
			if last < first+walGrowth {
				time.Sleep(time.Millisecond)
			}
		}
		at := time.Since(began)
		if !finish(4, long, copyAt, at) {
			t.Logf("kill 4 landed mid-write: the WAL had grown from %d to %d bytes, %s after the reading phase", first, last, (at - reading).Round(time.Millisecond))
			break
		}
		if try == 2 {
			t.Fatalf("three kills as the WAL grew all landed after the commit: the write phase of %d rows is too short to be caught", crashRows)
		}
		os.Remove(copyAt)
		os.Remove(copyAt + "-wal")
		os.Remove(copyAt + "-shm")
	}

	// The early kills: at random moments of the reading phase just timed,
	// or as soon as the write begins, should this run read faster (the
	// machine's load varies): never after the import has ended.
	walSize := func() int64 {
		st, err := os.Stat(dsn + "-wal")
		if err != nil {
			return 0
		}
		return st.Size()
	}
	for i := range 4 {
		wal0 := walSize()
		c := start(dsn)
		began := time.Now()
		due := reading/10 + time.Duration(r.Int64N(int64(reading*8/10)))
		for time.Since(began) < due && walSize() <= wal0 {
			time.Sleep(time.Millisecond)
		}
		finish(i, c, dsn, time.Since(began))
	}
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
	if _, err = db.ExecContext(context.Background(), `VACUUM INTO ?`, to); err != nil {
		return err
	}
	// The copy's personal data is sealed with the original's key.
	key, err := os.ReadFile(db.KeyFile())
	if err != nil {
		return err
	}
	return os.WriteFile(seal.DefaultFile(to), key, 0o600)
}
