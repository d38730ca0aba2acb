package sqldb

import (
	"fmt"

	"hezuo"
)

// bulkPeople validates and writes people by ID number (the last record of
// an ID number wins) and remembers their ids and counties. People without
// an ID are inserted (plainly when l.plain), the others upserted by keyed
// hash.
func (l *importer) bulkPeople(ds *hezuo.Dataset) error {
	last := map[string]int{}
	for i := range ds.People {
		p := &ds.People[i]
		if err := l.checkPerson(p); err != nil {
			return err
		}
		last[p.IDNumber] = i
	}
	var fresh, stored []*hezuo.Person
	for i := range ds.People {
		if p := &ds.People[i]; last[p.IDNumber] == i {
			if l.plain && p.ID == 0 {
				fresh = append(fresh, p)
			} else {
				stored = append(stored, p)
			}
		}
	}
	return l.unindexed("people", len(fresh)+len(stored), func() error {
		if err := l.insertPeople(fresh); err != nil {
			return err
		}
		return l.writePeople(stored, `INSERT INTO people`+peopleColumns, peopleUpsert+` RETURNING id, id_hash`)
	})
}

// peopleColumns are a person's columns after its id, as personRow gives
// them; peopleUpsert updates a stored person found by keyed hash.
const (
	peopleColumns = ` (county, id_hash, id_sealed, name, sex, birth_date, village, phone_sealed, talent_since, leader_since)`
	peopleUpsert  = `ON CONFLICT (id_hash) DO UPDATE SET county = excluded.county, name = excluded.name, sex = excluded.sex,
				birth_date = excluded.birth_date, village = excluded.village, phone_sealed = excluded.phone_sealed,
				talent_since = excluded.talent_since, leader_since = excluded.leader_since, version = people.version + 1`
)

// checkPerson validates a person (normalising it in place) and their
// village.
func (l *loader) checkPerson(p *hezuo.Person) error {
	if err := p.Validate(l.today); err != nil {
		return err
	}
	if p.Village == "" {
		return nil
	}
	return l.village("人员 "+p.Name, "village", p.Village)
}

// sealed is a person's keyed hash and sealed ID number and phone.
type sealed struct{ hash, id, phone string }

// sealChunk is how many people sealPeople hands on at a time.
const sealChunk = 1000

// sealPeople hashes and seals people in a goroutine, chunk by chunk: the
// returned channel gives the end of each chunk done (out[:end] is ready)
// and is closed after the last. The keyed hash and two seals are a fifth
// of a person's write; so they overlap the database's work on the previous
// chunk (on another core).
func (l *importer) sealPeople(people []*hezuo.Person, out []sealed) <-chan int {
	ready := make(chan int, len(people)/sealChunk+1) // never blocks: the writer may stop early
	go func() {
		defer close(ready)
		for lo := 0; lo < len(people); lo += sealChunk {
			hi := min(lo+sealChunk, len(people))
			for i, p := range people[lo:hi] {
				out[lo+i] = sealed{l.db.idHash(p.IDNumber), l.db.seal(p.IDNumber), l.db.seal(p.Phone)}
			}
			ready <- hi
		}
	}()
	return ready
}

// personRow returns a person's column values after its id, as
// peopleTypes lists them.
func personRow(p *hezuo.Person, s *sealed) []any {
	return []any{personCounty(p), s.hash, s.id, p.Name, p.Sex, p.BirthDate, nullStr(p.Village), s.phone, p.TalentSince, p.LeaderSince}
}

// personCounty is the county a person's rows carry: their village's, else
// the one of their ID number.
func personCounty(p *hezuo.Person) string {
	if p.Village != "" {
		return p.Village[:6]
	}
	return p.IDNumber[:6]
}

// copyRows is how many new people one COPY carries (insertPeople).
const copyRows = 10000

var peopleTypes = []string{"text", "text", "text", "text", "text", "date", "text", "text", "date", "date"}

// insertPeople inserts new people (l.plain) with ids drawn beforehand
// (newIDs), so that nothing needs reading back, as they are sealed.
func (l *importer) insertPeople(people []*hezuo.Person) error {
	if len(people) == 0 {
		return nil
	}
	ids, err := l.newIDs("people", len(people))
	if err != nil {
		return err
	}
	cols := []string{"id", "county", "id_hash", "id_sealed", "name", "sex", "birth_date", "village", "phone_sealed", "talent_since", "leader_since"}
	types := append([]string{"bigint"}, peopleTypes...)
	// On SQLite the ids are left to the table, which gives each new row the
	// largest rowid + 1: the ids drawn, in order (checked below). An explicit
	// rowid costs a statement journal (SQLite must be able to undo the
	// statement should a value not be an integer), which copies every page a
	// statement touches first: with the people's keyed hashes, a unique key
	// in random order, a page per row, a fifth of the people's write.
	explicit := l.db.Dialect != SQLite
	if !explicit {
		cols, types = cols[1:], types[1:]
	}
	out := make([]sealed, len(people))
	lo := 0
	var rows [][]any
	for hi := range l.sealPeople(people, out) {
		for i, p := range people[lo:hi] {
			l.county[p.IDNumber], l.people[p.IDNumber] = personCounty(p), ids[lo+i]
			row := personRow(p, &out[lo+i])
			if explicit {
				l.fresh[ids[lo+i]] = true
				row = append([]any{ids[lo+i]}, row...)
			}
			rows = append(rows, row)
		}
		lo = hi
		// A COPY on PostgreSQL costs a round trip and its start: a few of
		// them, copyRows rows each (sealing overlaps each on another core).
		if explicit && len(rows) < copyRows && hi < len(people) {
			continue
		}
		if err := l.insertNew("people", cols, types, rows); err != nil {
			return err
		}
		rows = nil
	}
	if explicit {
		return nil
	}
	// The rows took ids[0] … ids[n-1]: the new rows are all above the old
	// largest id and end at the last id drawn (SQLite gives other rowids
	// only once the largest possible one is taken).
	var n, last int64
	if err := l.tx.QueryRowContext(l.ctx, `SELECT count(*), coalesce(max(id), 0) FROM people WHERE id >= ?`, ids[0]).Scan(&n, &last); err != nil {
		return err
	}
	if n != int64(len(ids)) || last != ids[len(ids)-1] {
		return fmt.Errorf("people: %d new rows ending at id %d, want %d ending at %d", n, last, len(ids), ids[len(ids)-1])
	}
	return nil
}

// writePeople runs head + rows + tail for people as they are sealed, and
// reads back their ids by keyed hash.
func (l *importer) writePeople(people []*hezuo.Person, head, tail string) error {
	if len(people) == 0 {
		return nil
	}
	types := peopleTypes
	byHash := make(map[string]string, len(people)) // keyed hash → ID number
	scan := func(r rowScanner) error {
		var id int64
		var h string
		err := r.Scan(&id, &h)
		l.people[byHash[h]] = id
		return err
	}
	out := make([]sealed, len(people))
	per := bulkRows
	if l.db.Dialect == Postgres {
		per = unnestRows
	}
	rows := make([][]any, 0, per)
	lo := 0
	flush := func(all bool) error {
		for len(rows) >= per || (all && len(rows) > 0) {
			n := min(per, len(rows))
			if err := l.insertMany(head, tail, types, rows[:n], scan); err != nil {
				return err
			}
			rows = append(rows[:0], rows[n:]...)
		}
		return nil
	}
	for hi := range l.sealPeople(people, out) {
		for i, p := range people[lo:hi] {
			l.county[p.IDNumber] = personCounty(p)
			byHash[out[lo+i].hash] = p.IDNumber
			rows = append(rows, personRow(p, &out[lo+i]))
		}
		lo = hi
		if err := flush(false); err != nil {
			return err
		}
	}
	return flush(true)
}
