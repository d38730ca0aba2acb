package sqldb

import (
	"context"
	"fmt"
	"time"

	"hezuo"
	"hezuo/seal"
)

// KeyStatus is what CheckKeys reports.
type KeyStatus struct {
	File    string   `json:"key_file"`    // "" when the keys came from HEZUO_KEY or an option
	Cipher  string   `json:"cipher"`      // the current key's cipher
	Current string   `json:"current_key"` // the key id the data is sealed with
	Keys    []string `json:"keys"`        // the key ids the keyring holds
	People  int      `json:"people"`      // people rows opened and re-hashed
	Users   int      `json:"instructor_users"`
}

// CheckKeys verifies every sealed value: each opens with the keyring and
// each person's keyed hash is the hash of the opened ID number (EINTERNAL
// naming the first row that fails). It writes nothing.
func (db *DB) CheckKeys(ctx context.Context) (*KeyStatus, error) {
	st := &KeyStatus{File: db.keyFile, Cipher: db.keys.Cipher(), Current: db.keys.Current, Keys: db.keys.IDs()}
	err := db.eachRow(ctx, `SELECT id, id_hash, id_sealed, phone_sealed FROM people ORDER BY id`, nil, func(r rowScanner) error {
		var id int64
		var hash, idNo, phone string
		if err := r.Scan(&id, &hash, db.opened(&idNo), db.opened(&phone)); err != nil {
			return fmt.Errorf("人员 #%d / person #%d: %w", id, id, err)
		}
		if db.idHash(idNo) != hash {
			return hezuo.Errorf(hezuo.EINTERNAL, "人员 #%d 的身份证号哈希与密钥不符", "person #%d: the ID number's keyed hash does not match the key", id)
		}
		st.People++
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = db.eachRow(ctx, `SELECT u.name, count(p.id) FROM users u LEFT JOIN people p ON p.id_hash = u.subject
		WHERE u.role = ? AND u.subject <> '' GROUP BY u.name`, []any{hezuo.RoleInstructor}, func(r rowScanner) error {
		var name string
		var n int
		if err := r.Scan(&name, &n); err != nil {
			return err
		}
		if n != 1 {
			return hezuo.Errorf(hezuo.EINTERNAL, "指导员用户 %s 找不到对应人员（密钥不符？）", "instructor user %s matches no person (wrong key?)", name)
		}
		st.Users++
		return nil
	})
	return st, err
}

// RotateKeys moves every sealed value and keyed hash to a fresh key of the
// cipher ("" keeps the current cipher): the key file is first rewritten
// (atomically) with the old keys and the new one, then every person's ID
// number and phone are re-sealed and re-hashed, and instructor users'
// subjects re-hashed, in one transaction that also records the new key
// check. With dropOld the key file then keeps the new key only. The keys
// must come from a key file (not HEZUO_KEY); other processes using the
// database must be stopped first, as they hold the old key.
func (db *DB) RotateKeys(ctx context.Context, cipherName string, dropOld bool, now time.Time) (*KeyStatus, error) {
	if db.keyFile == "" {
		return nil, hezuo.Errorf(hezuo.EINVALID, "密钥来自环境变量 HEZUO_KEY，无法在原处轮换：请改用密钥文件（HEZUO_KEY_FILE）",
			"the keys come from HEZUO_KEY and cannot be rotated in place: use a key file (HEZUO_KEY_FILE)")
	}
	next, err := db.keys.Rotate(cipherName, now)
	if err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "%v", "%v", err)
	}
	// Old keys stay in the file until the rotation commits: if it does not,
	// the database still names the old key as current and Open uses it.
	if err := seal.WriteFile(db.keyFile, next); err != nil {
		return nil, err
	}
	if err := db.reseal(ctx, next); err != nil {
		return nil, fmt.Errorf("轮换密钥 / rotate keys: %w", err)
	}
	db.keys = next
	if dropOld {
		// Old ciphertext must not outlive its key in free pages.
		if err := db.purgeFreePages(ctx); err != nil {
			return nil, err
		}
		db.keys = next.OnlyCurrent()
		if err := seal.WriteFile(db.keyFile, db.keys); err != nil {
			return nil, err
		}
	}
	return db.CheckKeys(ctx)
}

// reseal re-seals and re-hashes everything under next's current key in one
// transaction.
func (db *DB) reseal(ctx context.Context, next *seal.Keyring) error {
	return db.write(ctx, upkeep, hezuo.System, clock{}, func(w *unit) error {
		tx := w.tx
		type row struct {
			id          int64
			hash        string
			idNo, phone string
		}
		var rows []row
		err := eachTx(ctx, tx, `SELECT id, id_hash, id_sealed, phone_sealed FROM people`, nil, func(r rowScanner) error {
			var x row
			var sid, sphone string
			if err := r.Scan(&x.id, &x.hash, &sid, &sphone); err != nil {
				return err
			}
			var e error
			if x.idNo, e = next.Open(sid); e == nil {
				x.phone, e = next.Open(sphone)
			}
			if e != nil {
				return fmt.Errorf("person #%d: %w", x.id, e)
			}
			rows = append(rows, x)
			return nil
		})
		if err != nil {
			return err
		}
		rehash := make(map[string]string, len(rows))
		sealed := make([]sealedPerson, len(rows))
		for i, x := range rows {
			h := next.Hash(x.idNo)
			rehash[x.hash] = h
			sealed[i] = sealedPerson{x.id, h, next.Seal(x.idNo), next.Seal(x.phone)}
		}
		if err := db.updateSealed(ctx, tx, sealed); err != nil {
			return err
		}
		if err := db.rehashUsers(ctx, tx, func(old string) string {
			if h, ok := rehash[old]; ok {
				return h
			}
			return old // matches no person either way
		}); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.rebind(`DELETE FROM meta WHERE key LIKE ?`), metaSealCheck+"%"); err != nil {
			return err
		}
		if err := db.storeKeyCheck(ctx, tx, next); err != nil {
			return err
		}
		return nil
	})
}
