package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"hezuo"
	"hezuo/sqldb"
)

// restoreBackup replaces the database target (an SQLite path or a postgres://
// URL) with the backup file, after inspectBackup accepts it. A target that
// holds data (registry records or users) is refused with ECONFLICT unless
// force is set. The restored database is then migrated to this program's
// schema. An SQLite target must not be in use (stop the server first); the
// file is replaced by an atomic rename, so a crash leaves either the old or
// the restored database.
func restoreBackup(ctx context.Context, file, target string, force bool) (*BackupInfo, error) {
	info, err := inspectBackup(ctx, file)
	if err != nil {
		return nil, err
	}
	pg := sqldb.IsPostgres(target)
	switch {
	case pg && info.Format != formatPGDump:
		return nil, hezuo.Errorf(hezuo.EINVALID, "这是 SQLite 备份，只能恢复到 SQLite 数据库文件", "this is an SQLite backup: it restores into an SQLite database file only")
	case !pg && info.Format != formatSQLite:
		return nil, hezuo.Errorf(hezuo.EINVALID, "这是 PostgreSQL（pg_dump）备份，只能恢复到 postgres:// 数据库", "this is a PostgreSQL (pg_dump) backup: it restores into a postgres:// database only")
	}
	keys, keyFile, err := restoreKey(ctx, file, target, info)
	if err != nil {
		return nil, err
	}
	if err := refuseData(ctx, target, force); err != nil {
		return nil, err
	}
	if pg {
		err = restorePostgres(ctx, file, target)
	} else {
		err = restoreSQLite(file, target)
	}
	if err != nil {
		return nil, err
	}
	if err := writeRestoredKey(keys, keyFile); err != nil {
		return nil, err
	}
	db, err := sqldb.Open(ctx, target) // migrates an older backup forward
	if err != nil {
		return nil, err
	}
	return info, db.Close()
}

// refuseData returns errNotEmpty when target holds data and force is not
// set. It looks at the target with a plain connection (no migration, no
// key created beside it). An SQLite target's WAL is checkpointed into its
// main file, so that nothing of it lingers beside the restored file.
func refuseData(ctx context.Context, target string, force bool) error {
	driver, dsn := "pgx", target
	if !sqldb.IsPostgres(target) {
		if _, err := os.Stat(target); isNotExist(err) {
			return nil
		}
		driver, dsn = "sqlite", "file:"+target+"?_pragma=busy_timeout(10000)"
	}
	c, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	defer c.Close()
	has := false
	for _, table := range []string{"divisions", "orgs", "people", "users"} {
		var n int
		err := c.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n)
		if err != nil && (strings.Contains(err.Error(), "no such table") || strings.Contains(err.Error(), "does not exist")) {
			continue
		}
		if err != nil {
			return fmt.Errorf("恢复：无法读取目标数据库 / restore: cannot read the target: %w", err)
		}
		has = has || n > 0
	}
	if has && !force {
		return errNotEmpty(target)
	}
	if driver == "sqlite" {
		if _, err := c.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
			return fmt.Errorf("恢复 / restore: %w", err)
		}
	}
	return nil
}

// restoreSQLite copies file next to target, syncs it, removes target's WAL
// and shared-memory files (an old WAL must never be replayed onto the new
// file) and renames the copy over target.
func restoreSQLite(file, target string) error {
	if dir := filepath.Dir(target); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	tmp, err := tempPath(target)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := copyFile(file, tmp); err != nil {
		return fmt.Errorf("恢复 / restore: %w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(target + suffix); err != nil && !isNotExist(err) {
			return fmt.Errorf("恢复 / restore: %w", err)
		}
	}
	return os.Rename(tmp, target)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
