package sqldb

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
}

// Meta keys of the key check: seal.current names the key id the data is
// sealed and hashed with, seal.check.<id> holds that key's check (a keyed
// hash of a fixed text; never the key).
const (
	metaSealCurrent = "seal.current"
	metaSealCheck   = "seal.check."
)

// keySource is where a keyring was found.
type keySource struct {
	keys *seal.Keyring
	file string // the key file read or to create ("" when from HEZUO_KEY or the option)
	from string // for messages
}

// findKeys locates the keyring; keys is nil when no key exists yet (file
// then names where to create it).
func findKeys(dsn string, o OpenOptions) (keySource, error) {
	if o.Keys != nil {
		return keySource{keys: o.Keys, from: "option"}, nil
	}
	if o.KeyFile == "" {
		if v := os.Getenv("HEZUO_KEY"); strings.TrimSpace(v) != "" {
			k, err := seal.FromEnv(v)
			if err != nil {
				return keySource{}, hezuo.Errorf(hezuo.EINVALID, "环境变量 HEZUO_KEY 无效：%v", "HEZUO_KEY is invalid: %v", err)
			}
			return keySource{keys: k, from: "HEZUO_KEY"}, nil
		}
	}
	file := o.KeyFile
	if file == "" {
		file = os.Getenv("HEZUO_KEY_FILE")
	}
	if file == "" {
		file = seal.DefaultFile(dsn)
	}
	k, err := seal.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return keySource{file: file, from: file}, nil
	}
	if err != nil {
		return keySource{}, hezuo.Errorf(hezuo.EINVALID, "读取密钥文件失败：%v", "cannot read the key file: %v", err)
	}
	return keySource{keys: k, file: file, from: file}, nil
}

// KeyFile returns the key file the database's keyring was read from or
// created in ("" when it came from HEZUO_KEY or OpenOptions.Keys).
func (db *DB) KeyFile() string { return db.keyFile }

// setupKeys finds the keyring (unless migration 0005 just did), creates it
// on first run when the database holds no personal data, and verifies it
// against the stored key check.
func (db *DB) setupKeys(ctx context.Context, o OpenOptions) error {
	src := keySource{keys: db.keys, file: db.keyFile}
	if src.keys == nil {
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
	if src.keys == nil {
		if holds {
			return hezuo.Errorf(hezuo.EINVALID,
				"数据库中的身份证号和电话已加密，但找不到密钥（%s）：请设置 HEZUO_KEY 或 HEZUO_KEY_FILE，或放回原密钥文件",
				"the database holds encrypted personal data but its key is missing (%s): set HEZUO_KEY or HEZUO_KEY_FILE, or restore the key file",
				src.from)
		}
		if src.keys, err = createKeyFile(src.file, o.Cipher); err != nil {
			return err
		}
	}
	db.keys, db.keyFile = src.keys, src.file
	if current != "" {
		check, _ := db.Meta(ctx, metaSealCheck+current)
		got, ok := src.keys.Check(current)
		switch {
		case ok && got == check:
			// The database decides which key is current: a key file written
			// ahead of a rotation that did not commit still opens the data.
			if src.keys.Current != current {
				k := *src.keys
				k.Current = current
				db.keys = &k
			}
		case holds:
			return hezuo.Errorf(hezuo.EINVALID,
				"密钥与数据库不符（数据库用密钥 %s 加密，%s 中没有匹配的密钥）：拒绝启动",
				"the key does not match the database (its data is sealed with key %s, which %s does not hold): refusing to start",
				current, src.from)
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

// createKeyFile creates a fresh keyring in file (mode 0600) unless another
// process just did, in which case it reads that one.
func createKeyFile(file, cipherName string) (*seal.Keyring, error) {
	if cipherName == "" {
		cipherName = os.Getenv("HEZUO_CIPHER")
	}
	r, err := seal.New(cipherName, time.Now())
	if err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "%v", "%v", err)
	}
	if dir := filepath.Dir(file); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	// Written aside and linked into place: a concurrent first run either
	// wins or reads the winner's whole file, never a partial one.
	f, err := os.CreateTemp(filepath.Dir(file), ".hezuo-key-*")
	if err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "无法创建密钥文件：%v", "cannot create the key file: %v", err)
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Write(r.Marshal()); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	if err := os.Link(f.Name(), file); errors.Is(err, fs.ErrExist) {
		return seal.ReadFile(file)
	} else if err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "无法创建密钥文件：%v", "cannot create the key file: %v", err)
	}
	return r, nil
}
