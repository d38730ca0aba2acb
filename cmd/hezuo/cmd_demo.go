package main

import (
	"fmt"

	"hezuo"
	"hezuo/demo"
	"hezuo/sqldb"
)

var cmdDemo = &command{
	name:  "demo",
	usage: "demo [--db DSN] [--as-of DATE]",
	short: "载入演示县数据 / load the demo county",
	long:  "载入演示县（汪清县的合作组织党建数据，记录延续到 --as-of，默认今天）/ load the demo county (its records continue up to --as-of, default today)",
	flags: []flagGroup{dbFlags, dayFlags},
	setup: runDemo,
}

func runDemo(f *flags) action {
	return f.onDB(func(e *env, db *sqldb.DB, _ []string) error {
		loaded, err := loadDemo(e, db, f.day)
		if err != nil {
			return err
		}
		switch {
		case !loaded && e.lang == "en":
			fmt.Fprintf(e.stdout, "%s already holds the demo county; nothing to do\n", *f.db)
		case !loaded:
			fmt.Fprintf(e.stdout, "%s 已是演示数据库，无需重复载入\n", *f.db)
		case e.lang == "en":
			fmt.Fprintf(e.stdout, "demo county loaded into %s\n", *f.db)
		default:
			fmt.Fprintf(e.stdout, "演示县数据已载入 %s\n", *f.db)
		}
		return nil
	})
}

// loadDemo loads the demo county, its records continued up to today, into
// an empty database; it reports false when the database already holds it,
// and refuses one holding other data.
func loadDemo(e *env, db *sqldb.DB, today hezuo.Date) (bool, error) {
	mark, err := db.Meta(e.ctx, "demo")
	if err != nil {
		return false, err
	}
	if mark != "" {
		return false, nil
	}
	empty, err := db.Empty(e.ctx)
	if err != nil {
		return false, err
	}
	if !empty {
		return false, hezuo.Errorf(hezuo.ECONFLICT, "数据库已有其他数据，拒绝载入演示数据", "the database already holds other data; refusing to load the demo")
	}
	if err := db.Load(e.ctx, demo.County(today), today); err != nil {
		return false, err
	}
	return true, db.SetMeta(e.ctx, "demo", "1")
}
