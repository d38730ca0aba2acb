package main

import "hezuo/sqldb"

// cmdRestore runs `hezuo restore FILE [--force]`: it checks that FILE is a
// sound hezuo backup of a schema this program can migrate, refuses (exit 1)
// a target that holds data unless --force, replaces the target and
// migrates it.
func cmdRestore(e *env, args []string) error {
	f := newFlags(e, "restore FILE [--db DSN] [--force] [--format json|text]",
		"从 hezuo backup 的备份恢复（SQLite 请先停止服务）；目标数据库已有数据时须加 --force\n"+
			"restore a hezuo backup (stop the server first for SQLite); a target that holds data needs --force", "db", "format")
	force := f.Bool("force", false, "覆盖已有数据的数据库 / overwrite a database that holds data")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("用法 / usage: hezuo restore FILE [--db DSN] [--force]")
	}
	info, err := sqldb.Restore(e.ctx, pos[0], *f.db, *force)
	if err != nil {
		return err
	}
	return printBackup(e, *f.format, info, "restore")
}
