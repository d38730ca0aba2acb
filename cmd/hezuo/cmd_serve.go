package main

import "fmt"

func cmdServe(e *env, args []string) error {
	f := newFlags(e, "serve [--db DSN] [--addr 127.0.0.1:8080] [--demo]", "启动网页应用 / start the web application", "db")
	addr := f.String("addr", "127.0.0.1:8080", "监听地址 / listen address")
	withDemo := f.Bool("demo", false, "数据库为空时先载入演示县 / load the demo county into an empty database first")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if err := noArgs(pos); err != nil {
		return err
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	if *withDemo {
		if _, err := loadDemo(e, db); err != nil {
			return err
		}
	}
	// The web application arrives with issue 3; until then serve says so.
	if e.lang == "en" {
		fmt.Fprintf(e.stdout, "database %s ready; the web application (http://%s/) is not built yet — use `hezuo stats` and `hezuo check`\n", *f.db, *addr)
	} else {
		fmt.Fprintf(e.stdout, "数据库 %s 已就绪；网页应用（http://%s/）尚未完成，请先使用 `hezuo stats` 和 `hezuo check`\n", *f.db, *addr)
	}
	return nil
}
