package main

import (
	"encoding/json"
	"fmt"

	"hezuo/sqldb"
)

// keyNotice reminds that the key protecting ID numbers and phones is kept
// outside the database, so a backup alone cannot be read back in full.
const (
	keyNoticeZH = "注意：备份不含身份证号和电话的加密密钥（密钥文件保存在数据库之外），请把密钥文件另行备份并妥善保管；没有密钥，恢复后无法读出这些字段。"
	keyNoticeEN = "Note: the backup does not contain the key that encrypts ID numbers and phones (the key file is kept outside the database): back the key file up separately and keep it safe; without it those fields cannot be read after a restore."
)

var cmdBackup = &command{
	name:  "backup",
	usage: "backup FILE [--db DSN] [--format json|text]",
	short: "在线备份数据库 / back the database up while it runs",
	long: "在线备份：服务运行时也可执行，得到一致的副本并校验（SQLite 用 VACUUM INTO 与 integrity_check；PostgreSQL 用 pg_dump 自定义格式）\n" +
		"online backup, also while the server runs: a consistent, verified copy (SQLite: VACUUM INTO and integrity_check; PostgreSQL: pg_dump custom format)",
	flags: []flagGroup{dbFlags, formatFlags},
	args:  1,
	setup: runBackup,
}

// runBackup runs `hezuo backup FILE`: a consistent online copy (SQLite:
// VACUUM INTO then an integrity check of the copy; PostgreSQL: pg_dump
// --format=custom), written beside FILE and renamed into place.
func runBackup(f *flags) action {
	return f.onDB(func(e *env, db *sqldb.DB, pos []string) error {
		info, err := createBackup(e.ctx, db, pos[0])
		if err != nil {
			return err
		}
		return printBackup(e, f, info, "backup")
	})
}

// printBackup reports a backup or a restore, with the key notice.
func printBackup(e *env, f *flags, info *BackupInfo, what string) error {
	if f.asJSON() {
		out := struct {
			*BackupInfo
			Notice string `json:"notice"`
		}{info, keyNoticeEN}
		if e.lang != "en" {
			out.Notice = keyNoticeZH
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	switch {
	case e.lang == "en" && what == "backup":
		fmt.Fprintf(e.stdout, "backup written to %s (%s, schema version %d, %d bytes), verified\n%s\n", info.File, info.Format, info.SchemaVersion, info.Bytes, keyNoticeEN)
	case e.lang == "en":
		fmt.Fprintf(e.stdout, "restored from %s (%s, schema version %d)\n%s\n", info.File, info.Format, info.SchemaVersion, keyNoticeEN)
	case what == "backup":
		fmt.Fprintf(e.stdout, "备份已写入 %s（%s，结构版本 %d，%d 字节），已校验\n%s\n", info.File, info.Format, info.SchemaVersion, info.Bytes, keyNoticeZH)
	default:
		fmt.Fprintf(e.stdout, "已从 %s 恢复（%s，结构版本 %d）\n%s\n", info.File, info.Format, info.SchemaVersion, keyNoticeZH)
	}
	return nil
}
