package sqldb

import (
	"database/sql"
	"fmt"
	"strings"

	"hezuo"
	"hezuo/seal"
)

// Personal data at rest (issue 9): people.id_sealed and people.phone_sealed
// hold the sealed ID number and phone, people.id_hash the keyed hash of the
// ID number (unique; every lookup by ID number matches it). Instructor users
// keep their subject sealed. The keyring comes from outside the database
// (crypt_keys.go); queries seal and hash with the helpers below.

// Keys returns the database's keyring (its current key seals and hashes).
func (db *DB) Keys() *seal.Keyring { return db.keys }

// idHash returns the keyed hash of an ID number (trimmed, upper-cased), the
// value people.id_hash holds.
func (db *DB) idHash(id string) string {
	return db.keys.Hash(strings.ToUpper(strings.TrimSpace(id)))
}

// seal seals a personal value ("" stays "").
func (db *DB) seal(v string) string { return db.keys.Seal(v) }

// opened returns a scanner that opens a sealed column into dst.
func (db *DB) opened(dst *string) sql.Scanner { return openScanner{db.keys, dst, false} }

// openedOr is opened for a column that holds either a sealed value or a
// plain one (coalesce(pe.id_sealed, po.no)): a value not in sealed form is
// copied as it is.
func (db *DB) openedOr(dst *string) sql.Scanner { return openScanner{db.keys, dst, true} }

type openScanner struct {
	keys  *seal.Keyring
	dst   *string
	plain bool
}

// Scan opens src into the destination.
func (o openScanner) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("sealed column: unexpected %T", src)
	}
	if o.plain && !strings.Contains(s, ":") {
		*o.dst = s
		return nil
	}
	v, err := o.keys.Open(s)
	if err != nil {
		return hezuo.Errorf(hezuo.EINTERNAL, "个人信息无法解密（密钥与数据库不符？）：%v", "personal data cannot be decrypted (wrong key?): %v", err)
	}
	*o.dst = v
	return nil
}

// hashKeyRow is a row whose first column, a keyed hash scanned into a
// string, reads back as the ID number it hashes (byHash).
type hashKeyRow struct {
	rowScanner
	byHash map[string]string
}

// Scan scans the row and replaces the hash in the first destination.
func (r hashKeyRow) Scan(dest ...any) error {
	if err := r.rowScanner.Scan(dest...); err != nil {
		return err
	}
	if s, ok := dest[0].(*string); ok {
		*s = r.byHash[*s]
	}
	return nil
}
