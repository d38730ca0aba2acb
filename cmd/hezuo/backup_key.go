package main

import (
	"context"
	"database/sql"
	"os"
	"strings"

	"hezuo"
	"hezuo/seal"
	"hezuo/sqldb"
)

// restoreKey makes sure the restored database target can be opened before
// anything is written: its sealed ID numbers and phones need the key they
// were sealed with (a backup never holds it). The key is found as Open finds
// it (HEZUO_KEY, HEZUO_KEY_FILE, target's key file), or beside the backup
// (FILE.key), in which case the returned keyring is to be written to
// target's key file once the restore succeeded. A backup holding no people
// needs no key; a pg_dump file is not inspected (Open says what is missing).
func restoreKey(ctx context.Context, file, target string, info *BackupInfo) (copyKeys *seal.Keyring, to string, err error) {
	if info.Format != formatSQLite {
		return nil, "", nil
	}
	ks, err := sqldb.FindKeys(target)
	if err != nil || ks.Keys != nil {
		return nil, "", err
	}
	people, err := backupPeople(ctx, file)
	if err != nil || people == 0 {
		return nil, "", err
	}
	beside := file + ".key"
	k, err := seal.ReadFile(beside)
	if err != nil {
		return nil, "", hezuo.Errorf(hezuo.EINVALID,
			"备份中的身份证号和电话已加密，但找不到密钥：请把备份时的密钥文件放到 %s（或 %s），或设置 HEZUO_KEY_FILE / HEZUO_KEY；未作任何改动",
			"the backup's ID numbers and phones are sealed but no key was found: put the key file of the backed-up database at %s (or %s), or set HEZUO_KEY_FILE / HEZUO_KEY; nothing was changed",
			ks.File, beside)
	}
	return k, ks.File, nil
}

// backupPeople counts the people of an SQLite backup, read only.
func backupPeople(ctx context.Context, file string) (int, error) {
	c, err := sql.Open("sqlite", "file:"+file+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer c.Close()
	var n int
	err = c.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM people LIMIT 1) x`).Scan(&n)
	if err != nil && strings.Contains(err.Error(), "no such table") {
		return 0, nil
	}
	return n, err
}

// writeRestoredKey writes the keyring found beside the backup to the
// restored database's key file, unless one is there already.
func writeRestoredKey(k *seal.Keyring, to string) error {
	if k == nil {
		return nil
	}
	if _, err := os.Stat(to); err == nil {
		return nil
	}
	return seal.WriteFile(to, k)
}
