package main

var cmdRestore = &command{
	name:  "restore",
	usage: "restore FILE [--db DSN] [--force] [--format json|text]",
	short: "从备份恢复数据库 / restore the database from a backup",
	long: "从 hezuo backup 的备份恢复（SQLite 请先停止服务）；目标数据库已有数据时须加 --force\n" +
		"restore a hezuo backup (stop the server first for SQLite); a target that holds data needs --force",
	flags: []flagGroup{dbFlags, formatFlags},
	args:  1,
	setup: runRestore,
}

// runRestore runs `hezuo restore FILE [--force]`: it checks that FILE is a
// sound hezuo backup of a schema this program can migrate, refuses (exit 1)
// a target that holds data unless --force, replaces the target and
// migrates it.
func runRestore(f *flags) action {
	force := f.Bool("force", false, "覆盖已有数据的数据库 / overwrite a database that holds data")
	return func(e *env, pos []string) error {
		info, err := restoreBackup(e.ctx, pos[0], *f.db, *force)
		if err != nil {
			return err
		}
		return printBackup(e, f, info, "restore")
	}
}
