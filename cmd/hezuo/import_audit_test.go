package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hezuo"
	"hezuo/sqldb"
)

// TestImportCommandAudits: `hezuo import` writes one audit entry per
// record changed, as the system user, noted with the file's name.
func TestImportCommandAudits(t *testing.T) {
	dir := t.TempDir()
	dsn := filepath.Join(dir, "x.db")
	copyDemo(t, dsn)
	orgs := filepath.Join(dir, "orgs.csv")
	mustRun(t, "export", "orgs", orgs, "--db", dsn)
	b, err := os.ReadFile(orgs)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	f := strings.Split(lines[1], ",") // the first org renamed
	no := f[0]
	f[1] = "改名后的合作社"
	lines[1] = strings.Join(f, ",")
	if err := os.WriteFile(orgs, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := importCounts(t, "orgs", orgs, "--db", dsn); got[1] != 1 {
		t.Fatalf("counts %v", got)
	}
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	es, n, err := db.AuditLog(context.Background(), hezuo.System, hezuo.AuditFilter{User: "system"})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || es[0].Entity != "org" || es[0].Action != hezuo.ActionUpdate || es[0].Key != no ||
		!strings.Contains(es[0].After, "改名后的合作社") || !strings.Contains(es[0].Note, "orgs.csv") {
		t.Fatalf("%d entries: %+v", n, es)
	}
}
