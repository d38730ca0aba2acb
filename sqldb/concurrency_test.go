package sqldb

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"hezuo"
	"hezuo/sqldb/dbtest"
)

// twoHandles opens dsn twice (two pools, as two processes would) after
// loading the fixture county through the first.
func twoHandles(t *testing.T, dsn string) (*DB, *DB) {
	t.Helper()
	ctx := context.Background()
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	if err := a.Load(ctx, fixture(), fxDay); err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return a, b
}

// TestParallelWriters: eight writers over two handles of one database edit
// different orgs and people at once; none fails (on SQLite the busy timeout
// and immediate transactions make them wait, never "database is locked"),
// and every edit is there afterwards.
func TestParallelWriters(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			ctx := context.Background()
			h1, h2 := twoHandles(t, d.DSN)
			ids := personIDs(t, h1)
			orgs := []string{"A", "B", "C", "D", "E"}
			const rounds = 6
			var wg sync.WaitGroup
			errs := make(chan error, 100)
			for w := range 8 {
				db := []*DB{h1, h2}[w%2]
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range rounds {
						var err error
						if w < len(orgs) {
							err = renameOrg(ctx, db, orgs[w], fmt.Sprintf("并发%d-%d", w, i))
						} else {
							err = renamePerson(ctx, db, ids[w], fmt.Sprintf("并发%d-%d", w, i))
						}
						if err != nil {
							errs <- fmt.Errorf("writer %d round %d: %w", w, i, err)
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			for w, no := range orgs {
				o, err := h2.GetOrg(ctx, hezuo.System, no, fxDay, hezuo.Today(hezuo.China))
				if err != nil {
					t.Fatal(err)
				}
				if want := fmt.Sprintf("并发%d-%d", w, rounds-1); o.Name != want || o.Version != 1+rounds {
					t.Errorf("org %s: %q version %d, want %q version %d", no, o.Name, o.Version, want, 1+rounds)
				}
			}
		})
	}
}

// TestSameVersionOneWins: several officers save the same org (and the same
// person) with the version they all read: exactly one save wins, every
// other gets ECONFLICT with a message saying someone else changed it.
func TestSameVersionOneWins(t *testing.T) {
	for _, d := range dbtest.DSNs(t) {
		t.Run(d.Name, func(t *testing.T) {
			ctx := context.Background()
			h1, h2 := twoHandles(t, d.DSN)
			pid := personIDs(t, h1)[0]
			for round := range 5 {
				o, err := h1.GetOrg(ctx, hezuo.System, "B", fxDay, hezuo.Today(hezuo.China))
				if err != nil {
					t.Fatal(err)
				}
				p, err := h1.PersonForEdit(ctx, hezuo.System, pid, time.Now())
				if err != nil {
					t.Fatal(err)
				}
				const n = 4
				orgErrs, personErrs := make([]error, n), make([]error, n)
				var wg sync.WaitGroup
				for i := range n {
					db := []*DB{h1, h2}[i%2]
					wg.Add(1)
					go func() {
						defer wg.Done()
						org := o.Org
						org.Name = fmt.Sprintf("第%d轮第%d位", round, i)
						_, orgErrs[i] = db.SaveOrg(ctx, hezuo.System, &org, o.Version, time.Now())
						person := p.Person
						person.Name = fmt.Sprintf("第%d轮第%d位", round, i)
						_, _, personErrs[i] = db.SavePerson(ctx, hezuo.System, &person, p.Version, time.Now())
					}()
				}
				wg.Wait()
				for what, errs := range map[string][]error{"org": orgErrs, "person": personErrs} {
					won := 0
					for _, err := range errs {
						switch {
						case err == nil:
							won++
						case hezuo.ErrorCode(err) != hezuo.ECONFLICT || !strings.Contains(hezuo.ErrorMessage(err, "zh"), "已被他人修改"):
							t.Errorf("round %d, %s: %v, want ECONFLICT", round, what, err)
						}
					}
					if won != 1 {
						t.Errorf("round %d, %s: %d saves won with one version, want exactly 1 (%v)", round, what, won, errs)
					}
				}
			}
		})
	}
}

func personIDs(t *testing.T, db *DB) []int64 {
	rows, err := db.QueryContext(context.Background(), `SELECT id FROM people ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

func renameOrg(ctx context.Context, db *DB, no, name string) error {
	o, err := db.GetOrg(ctx, hezuo.System, no, fxDay, hezuo.Today(hezuo.China))
	if err != nil {
		return err
	}
	org := o.Org
	org.Name = name
	_, err = db.SaveOrg(ctx, hezuo.System, &org, o.Version, time.Now())
	return err
}

func renamePerson(ctx context.Context, db *DB, id int64, name string) error {
	p, err := db.PersonForEdit(ctx, hezuo.System, id, time.Now())
	if err != nil {
		return err
	}
	person := p.Person
	person.Name = name
	_, _, err = db.SavePerson(ctx, hezuo.System, &person, p.Version, time.Now())
	return err
}
