package sqldb

import (
	"maps"
	"slices"

	"hezuo"
)

// auditPlaces gives the division an import's audit entry is filed under
// (what the audit log's scope filter reads), by the place kind and key of
// the record that places it ("household", "H-1"): the stored records
// (auditBefore) overlaid with those written.
type auditPlaces struct {
	of map[string]map[string]string
}

// at returns the place of a record ("" when none is known).
func (p *auditPlaces) at(kind, key string) string { return p.of[kind][key] }

// known reports whether the place of a record is known.
func (p *auditPlaces) known(kind, key string) bool {
	_, ok := p.of[kind][key]
	return ok
}

// set records the place of a record.
func (p *auditPlaces) set(kind, key, place string) {
	m := p.of[kind]
	if m == nil {
		m = map[string]string{}
		p.of[kind] = m
	}
	m[key] = place
}

// auditPlacesOf indexes the places the kinds' records in have and ds give
// (kind.places), then those they give others (kind.placed: a person
// without a home village placed by an org of theirs, an instructor's
// township or a guarantor's unit). Records placed only after the writes
// (loans) are placed by latePlaces.
func (l *importer) auditPlacesOf(ds, have *hezuo.Dataset) (*auditPlaces, error) {
	p := &auditPlaces{of: map[string]map[string]string{}}
	for _, d := range []*hezuo.Dataset{have, ds} {
		for _, k := range kinds {
			if k.places != nil {
				k.places(d, p)
			}
		}
	}
	for _, k := range kinds {
		if k.placed != nil {
			if err := k.placed(l, ds, have, p); err != nil {
				return p, err
			}
		}
	}
	return p, nil
}

// latePlaces reads, after the writes, the places of the records the
// kinds' late parts name (the loans ds speaks of: the loan writer works
// out their villages from the org, borrower or party organization).
func (l *importer) latePlaces(ds *hezuo.Dataset, p *auditPlaces) error {
	r := &reachRefs{keys: map[string][]string{}}
	for _, k := range kinds {
		if k.late != nil {
			k.late(ds, r)
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(r.keys)) { // by plain key (not ID numbers)
		var set keySet
		set.add(r.keys[kind]...)
		for _, q := range placeKinds[kind].queries {
			err := l.db.eachInOn(l.ctx, l.tx, q, set.list, func(r rowScanner) error {
				var key, v string
				err := r.Scan(&key, &v)
				p.set(kind, key, v)
				return err
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}
