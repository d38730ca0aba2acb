package sqldb

import (
	"context"
	"database/sql"
	"errors"

	"hezuo"
)

// postOf reads, on x, what hezuo.Officer.CheckPost needs of o's post: the
// party organization (with its database id), the person's party status
// steps and the posts of the organization (every one, o's included).
func (db *DB) postOf(ctx context.Context, x querier, o *hezuo.Officer) (*hezuo.PartyOrg, []hezuo.PartyStatus, []hezuo.Officer, error) {
	rec := "任职 " + o.PartyOrg
	var po hezuo.PartyOrg
	err := x.QueryRowContext(ctx, db.rebind(`SELECT id, no, name, form, seat, valid_from, valid_to FROM party_orgs WHERE no = ?`), o.PartyOrg).Scan(
		&po.ID, &po.No, &po.Name, &po.Form, &po.Seat, &po.From, &po.To)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil, unknown(rec, "party_org", "党组织编号", "party organization", o.PartyOrg)
	} else if err != nil {
		return nil, nil, nil, err
	}
	var steps []hezuo.PartyStatus
	err = db.eachRowOn(ctx, x, `SELECT s.status, s.valid_from, s.valid_to FROM party_status s JOIN people p ON p.id = s.person_id
		WHERE p.id_hash = ?`, []any{db.idHash(o.IDNumber)}, func(r rowScanner) error {
		s := hezuo.PartyStatus{IDNumber: o.IDNumber}
		err := r.Scan(&s.Status, &s.From, &s.To)
		steps = append(steps, s)
		return err
	})
	if err != nil {
		return nil, nil, nil, err
	}
	posts, err := db.postsOf(ctx, x, []int64{po.ID})
	return &po, steps, posts, err
}

// postsOf reads, on x, the posts of the party organizations with the given
// database ids, by organization and start.
func (db *DB) postsOf(ctx context.Context, x querier, poIDs []int64) ([]hezuo.Officer, error) {
	var out []hezuo.Officer
	for len(poIDs) > 0 {
		n := min(len(poIDs), inChunk)
		err := db.eachRowOn(ctx, x, `SELECT po.no, p.id_sealed, f.role, f.duty, f.valid_from, f.valid_to FROM officers f
			JOIN party_orgs po ON po.id = f.party_org_id JOIN people p ON p.id = f.person_id
			WHERE f.party_org_id IN (`+inList(n)+`) ORDER BY po.no, f.valid_from, f.id`, idArgs(poIDs[:n]), collect(&out, func(r rowScanner, o *hezuo.Officer) error {
			return r.Scan(&o.PartyOrg, db.opened(&o.IDNumber), &o.Role, &o.Duty, &o.From, &o.To)
		}))
		if err != nil {
			return nil, err
		}
		poIDs = poIDs[n:]
	}
	return out, nil
}

// checkPost checks o against the stored records on x (hezuo.Officer.CheckPost).
func (db *DB) checkPost(ctx context.Context, x querier, o *hezuo.Officer) error {
	po, steps, posts, err := db.postOf(ctx, x, o)
	if err != nil {
		return err
	}
	return o.CheckPost(po, steps, posts)
}

// loadOfficers is the loader's, then, every post written, checks each
// against the records as they now stand (CheckPost): an import's posts are
// held to what the form's are. (Load, which loads whole datasets such as
// the demo county's, checks the fields only.) Checking after the writes
// lets one file end a secretary's post and start the next one's.
func (l *importer) loadOfficers(ds *hezuo.Dataset) error {
	if err := l.loader.loadOfficers(ds); err != nil {
		return err
	}
	for i := range ds.Officers {
		if err := l.db.checkPost(l.ctx, l.tx, &ds.Officers[i]); err != nil {
			return err
		}
	}
	return nil
}
