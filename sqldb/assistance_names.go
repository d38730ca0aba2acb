package sqldb

import (
	"context"
	"database/sql"
	"errors"

	"hezuo"
)

// UnitPairingNames returns, for the 包村联户 pairing with database id, the
// unit's name and the paired org's (or village's) name, for the question a
// page asks before ending it. A pairing a may not see is ENOTFOUND.
func (db *DB) UnitPairingNames(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (unit, target string, err error) {
	w := unitPairingAccess(a, today)
	w.add("up.id = ?", id)
	err = db.QueryRowContext(ctx, db.rebind(`SELECT u.name, coalesce(o.name, d.name, up.village, '')
		FROM unit_pairings up JOIN units u ON u.id = up.unit_id LEFT JOIN orgs o ON o.id = up.org_id
		LEFT JOIN divisions d ON d.code = up.village WHERE `+w.String()), w.args...).Scan(&unit, &target)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", notFound("包村联户", "unit pairing", itoa(id))
	}
	return unit, target, err
}
