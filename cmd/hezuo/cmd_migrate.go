package main

import (
	"fmt"

	"hezuo/sqldb"
)

var cmdMigrate = &command{
	name:  "migrate",
	usage: "migrate [--db DSN]",
	short: "升级数据库结构 / run schema migrations",
	long:  "运行数据库结构升级（幂等）/ run schema migrations (idempotent)",
	flags: []flagGroup{dbFlags},
	setup: runMigrate,
}

func runMigrate(f *flags) action {
	return f.onDB(func(e *env, db *sqldb.DB, _ []string) error {
		v, err := db.SchemaVersion(e.ctx)
		if err != nil {
			return err
		}
		if e.lang == "en" {
			fmt.Fprintf(e.stdout, "database %s (%s) at schema version %d\n", *f.db, db.Dialect, v)
		} else {
			fmt.Fprintf(e.stdout, "数据库 %s（%s）结构版本 %d\n", *f.db, db.Dialect, v)
		}
		return nil
	})
}
