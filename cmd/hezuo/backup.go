package main

// Backups of a hezuo database, for the backup and restore commands: an
// online, verified copy (SQLite VACUUM INTO, PostgreSQL pg_dump), its
// inspection, and the restore that checks the backup, its key and the
// target before replacing the target.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"hezuo"
	"hezuo/sqldb"
)

// BackupInfo (exported: embedded in the JSON answer) describes a backup file: its format, its schema version and
// (SQLite) the result of the integrity check made on it.
type BackupInfo struct {
	File          string `json:"file"`
	Format        string `json:"format"` // "sqlite" or "pg_dump"
	SchemaVersion int    `json:"schema_version"`
	Bytes         int64  `json:"bytes"`
}

// Backup formats.
const (
	formatSQLite = "sqlite"
	formatPGDump = "pg_dump"
)

// errNoPGTools is returned when pg_dump or pg_restore is not on PATH.
var errNoPGTools = hezuo.Errorf(hezuo.EINVALID,
	"找不到 PostgreSQL 客户端工具 pg_dump/pg_restore：请安装 postgresql-client（版本不低于服务器），或按 docs/operations.md 手工备份",
	"pg_dump/pg_restore not found on PATH: install postgresql-client (at least the server's version), or back up by hand as docs/operations.md describes")

// createBackup writes a consistent copy of the database db to file while others keep
// reading and writing: SQLite through VACUUM INTO (one read transaction, so
// the copy is a snapshot) followed by PRAGMA integrity_check on the copy;
// PostgreSQL through pg_dump --format=custom (one repeatable-read snapshot).
// The copy is written to a temporary file next to file and renamed into
// place only once verified, so file is never left half-written. An existing
// file is refused.
func createBackup(ctx context.Context, db *sqldb.DB, file string) (*BackupInfo, error) {
	if _, err := os.Stat(file); err == nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "备份文件 %s 已存在，请换一个文件名", "the backup file %s exists already: choose another name", file)
	}
	tmp, err := tempPath(file)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	if db.Dialect == sqldb.Postgres {
		if err := pgDump(ctx, db.DSN, tmp); err != nil {
			return nil, err
		}
	} else {
		// VACUUM INTO refuses an existing file, even an empty one.
		os.Remove(tmp)
		if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
			return nil, fmt.Errorf("备份 / backup (VACUUM INTO): %w", err)
		}
	}
	info, err := inspectBackup(ctx, tmp)
	if err != nil {
		return nil, err
	}
	if err := syncFile(tmp); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, file); err != nil {
		return nil, fmt.Errorf("备份 / backup: %w", err)
	}
	info.File = file
	return info, nil
}

// tempPath returns an unused temporary path in file's directory.
func tempPath(file string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("备份 / backup: %w", err)
	}
	name := f.Name()
	f.Close()
	return name, nil
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// inspectBackup checks that file is a sound hezuo backup whose schema this
// program can migrate: its format (by its first bytes), its recorded
// migrations (each one this program knows, under the same name) and, for
// SQLite, PRAGMA integrity_check and foreign_key_check.
func inspectBackup(ctx context.Context, file string) (*BackupInfo, error) {
	st, err := os.Stat(file)
	if err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "无法读取备份文件：%v", "cannot read the backup file: %v", err)
	}
	head := make([]byte, 16)
	f, err := os.Open(file)
	if err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "无法读取备份文件：%v", "cannot read the backup file: %v", err)
	}
	n, _ := f.Read(head)
	f.Close()
	info := &BackupInfo{File: file, Bytes: st.Size()}
	var applied map[int]string
	switch {
	case n >= 16 && string(head) == "SQLite format 3\x00":
		info.Format = formatSQLite
		applied, err = inspectSQLite(ctx, file)
	case n >= 5 && string(head[:5]) == "PGDMP":
		info.Format = formatPGDump
		applied, err = pgDumpMigrations(ctx, file)
	default:
		return nil, notBackup(file)
	}
	if err != nil {
		return nil, err
	}
	dialect := sqldb.SQLite
	if info.Format == formatPGDump {
		dialect = sqldb.Postgres
	}
	info.SchemaVersion, err = compatible(dialect, applied)
	return info, err
}

func notBackup(file string) error {
	return hezuo.Errorf(hezuo.EINVALID, "%s 不是 hezuo 备份文件（应为 SQLite 数据库或 pg_dump 自定义格式）",
		"%s is not a hezuo backup (an SQLite database or a pg_dump custom-format archive)", file)
}

// compatible checks the migrations recorded in a backup against the
// embedded ones and returns the backup's schema version.
func compatible(dialect string, applied map[int]string) (int, error) {
	if len(applied) == 0 {
		return 0, hezuo.Errorf(hezuo.EINVALID, "备份中没有 hezuo 的结构版本记录，不是 hezuo 备份", "the backup records no hezuo schema version: it is not a hezuo backup")
	}
	ms, err := sqldb.Migrations(dialect)
	if err != nil {
		return 0, err
	}
	known := map[int]string{}
	for _, m := range ms {
		known[m.Version] = m.Name
	}
	top := 0
	for v, name := range applied {
		if known[v] != name {
			return 0, hezuo.Errorf(hezuo.EINVALID,
				"备份的结构版本 %d（%s）比本程序新或不认识，请用更新版本的 hezuo 恢复", "the backup's schema version %d (%s) is newer than or unknown to this program: restore it with a newer hezuo", v, name)
		}
		top = max(top, v)
	}
	return top, nil
}

// inspectSQLite opens an SQLite backup read-only, checks it and returns its
// recorded migrations.
func inspectSQLite(ctx context.Context, file string) (map[int]string, error) {
	c, err := sql.Open("sqlite", "file:"+file+"?mode=ro&_pragma=query_only(1)")
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var ok string
	if err := c.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&ok); err != nil {
		return nil, hezuo.Errorf(hezuo.EINVALID, "备份文件损坏：%v", "the backup file is damaged: %v", err)
	}
	if ok != "ok" {
		return nil, hezuo.Errorf(hezuo.EINVALID, "备份文件未通过完整性检查：%s", "the backup file fails the integrity check: %s", ok)
	}
	rows, err := c.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, err
	}
	bad := rows.Next()
	rows.Close()
	if bad {
		return nil, hezuo.Errorf(hezuo.EINVALID, "备份文件中有断开的外键引用", "the backup file holds broken foreign key references")
	}
	return readMigrations(ctx, c)
}

// readMigrations reads schema_migrations (version → name).
func readMigrations(ctx context.Context, c interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[int]string, error) {
	rows, err := c.QueryContext(ctx, `SELECT version, name FROM schema_migrations`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return nil, nil
		}
		return nil, err
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			return nil, err
		}
		out[v] = name
	}
	return out, rows.Err()
}

// errNotEmpty is the refusal of a restore over data.
func errNotEmpty(target string) error {
	return hezuo.Errorf(hezuo.ECONFLICT, "目标数据库 %s 已有数据，恢复会覆盖它们；确认无误后加 --force 再执行",
		"the target database %s holds data that a restore would overwrite: add --force if you mean it", sqldb.RedactDSN(target))
}

// isNotExist reports a missing file.
func isNotExist(err error) bool { return errors.Is(err, os.ErrNotExist) }
