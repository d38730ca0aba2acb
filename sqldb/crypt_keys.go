package sqldb

import (
	"context"
	"fmt"
	"os"
	"time"

	"hezuo"
	"hezuo/seal"
)

// OpenOptions configure OpenWith. The zero value is Open's behaviour.
type OpenOptions struct {
	// Keys is the keyring to use; when nil it is read from HEZUO_KEY, else
	// from the key file (KeyFile, HEZUO_KEY_FILE, else seal.DefaultFile).
	Keys *seal.Keyring
	// KeyFile names the key file instead of HEZUO_KEY_FILE and the default.
	KeyFile string
	// Cipher is the cipher of a key created on first run: "aes" (default)
	// or "sm4"; "" reads HEZUO_CIPHER.
	Cipher string
	// Now is the clock of the summaries' extent: their periods are kept
	// through the day it gives (in China). nil: the system clock. The
	// command line passes its own; a test may fix it.
	Now func() time.Time
}

// Meta keys of the key check: seal.current names the key id the data is
// sealed and hashed with, seal.check.<id> holds that key's check (a keyed
// hash of a fixed text; never the key).
const (
	metaSealCurrent = "seal.current"
	metaSealCheck   = "seal.check."
)

// findKeys locates the keyring as seal.Find does, unless o gives it; Keys
// is nil when no key exists yet (File then names where to create it).
func findKeys(dsn string, o OpenOptions) (seal.Source, error) {
	if o.Keys != nil {
		return seal.Source{Keys: o.Keys, From: "option"}, nil
	}
	src, err := seal.Find(dsn, o.KeyFile)
	switch {
	case err == nil:
		return src, nil
	case src.From == "HEZUO_KEY":
		return seal.Source{}, hezuo.Errorf(hezuo.EINVALID, "环境变量 HEZUO_KEY 无效：%v", "HEZUO_KEY is invalid: %v", err)
	}
	return seal.Source{}, hezuo.Errorf(hezuo.EINVALID, "读取密钥文件失败：%v", "cannot read the key file: %v", err)
}

// FindKeys locates the keyring Open would use for dsn — HEZUO_KEY, else
// HEZUO_KEY_FILE, else dsn's key file (seal.DefaultFile) — without opening
// the database or creating a key: Keys is nil when no key exists yet, and
// File then names where Open would create it. Its errors are Open's.
// Package sqldb/backup calls it so that a restore is refused, before
// anything is written, when the restored data could not be opened.
func FindKeys(dsn string) (seal.Source, error) { return findKeys(dsn, OpenOptions{}) }

// KeyFile returns the key file the database's keyring was read from or
// created in ("" when it came from HEZUO_KEY or OpenOptions.Keys).
func (db *DB) KeyFile() string { return db.keyFile }

// setupKeys finds the keyring (unless migration 0005 just did), creates it
// on first run when the database holds no personal data, and verifies it
// against the stored key check.
func (db *DB) setupKeys(ctx context.Context, o OpenOptions) error {
	src := seal.Source{Keys: db.keys, File: db.keyFile}
	if src.Keys == nil {
		var err error
		if src, err = findKeys(db.DSN, o); err != nil {
			return err
		}
	}
	current, err := db.Meta(ctx, metaSealCurrent)
	if err != nil {
		return err
	}
	var people int // 0 or 1: whether it holds anyone (counting a nation's 57 million people took 8 s)
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM people LIMIT 1) x`).Scan(&people); err != nil {
		return err
	}
	holds := people > 0 && current != ""
	if src.Keys == nil {
		if holds {
			return hezuo.Errorf(hezuo.EINVALID,
				"数据库中的身份证号和电话已加密，但找不到密钥（%s）：请设置 HEZUO_KEY 或 HEZUO_KEY_FILE，或放回原密钥文件",
				"the database holds encrypted personal data but its key is missing (%s): set HEZUO_KEY or HEZUO_KEY_FILE, or restore the key file",
				src.From)
		}
		if src.Keys, err = createKeyFile(src.File, o.Cipher, time.Now()); err != nil {
			return err
		}
	}
	db.keys, db.keyFile = src.Keys, src.File
	if current != "" {
		check, _ := db.Meta(ctx, metaSealCheck+current)
		got, ok := src.Keys.Check(current)
		switch {
		case ok && got == check:
			// The database decides which key is current: a key file written
			// ahead of a rotation that did not commit still opens the data.
			if src.Keys.Current != current {
				k := *src.Keys
				k.Current = current
				db.keys = &k
			}
		case holds:
			return hezuo.Errorf(hezuo.EINVALID,
				"密钥与数据库不符（数据库用密钥 %s 加密，%s 中没有匹配的密钥）：拒绝启动",
				"the key does not match the database (its data is sealed with key %s, which %s does not hold): refusing to start",
				current, src.From)
		default:
			current = "" // no personal data yet: adopt this key
		}
	}
	if current == "" {
		if err := db.storeKeyCheck(ctx, db, db.keys); err != nil {
			return err
		}
	}
	if db.converted {
		return db.purgeFreePages(ctx) // no plaintext left in free pages
	}
	return nil
}

// storeKeyCheck records r's current key as the database's, with its check.
func (db *DB) storeKeyCheck(ctx context.Context, x execer, r *seal.Keyring) error {
	check, _ := r.Check(r.Current)
	for k, v := range map[string]string{metaSealCurrent: r.Current, metaSealCheck + r.Current: check} {
		if _, err := x.ExecContext(ctx, db.rebind(`INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`), k, v); err != nil {
			return fmt.Errorf("store key check: %w", err)
		}
	}
	return nil
}

// createKeyFile creates a fresh keyring of the cipher cipherName ("" reads
// HEZUO_CIPHER), dated now, in file (seal.CreateFile) unless another
// process just did, in which case it returns that one.
func createKeyFile(file, cipherName string, now time.Time) (*seal.Keyring, error) {
	if cipherName == "" {
		cipherName = os.Getenv("HEZUO_CIPHER")
	}
	r, err := seal.New(cipherName, now)
	if err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "%v", "%v", err)
	}
	if r, err = seal.CreateFile(file, r); err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "无法创建密钥文件：%v", "cannot create the key file: %v", err)
	}
	return r, nil
}
