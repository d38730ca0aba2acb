package main

import "fmt"

func cmdMigrate(e *env, args []string) error {
	f := newFlags(e, "migrate [--db DSN]", "运行数据库结构升级（幂等）/ run schema migrations (idempotent)", "db")
	if err := f.parseOnly(e, args); err != nil {
		return err
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
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
}
