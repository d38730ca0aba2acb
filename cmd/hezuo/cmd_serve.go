package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/web"
)

func cmdServe(e *env, args []string) error {
	f := newFlags(e, "serve [--db DSN] [--addr 127.0.0.1:8080] [--demo] [--secure] [--idle 30m]",
		"启动网页应用和 /api/ 接口 / start the web application and the /api/ JSON API", "db")
	addr := f.String("addr", "127.0.0.1:8080", "监听地址（端口 0 表示任选）/ listen address (port 0: any free port)")
	withDemo := f.Bool("demo", false, "数据库为空时先载入演示县，并创建演示管理员（随机密码只显示一次）/ load the demo county into an empty database first and create a demo administrator (random password shown once)")
	secure := f.Bool("secure", false, "Cookie 加 Secure 标记（经 HTTPS 反向代理提供服务时使用）/ mark cookies Secure (when served over HTTPS)")
	idle := f.Duration("idle", 30*time.Minute, "会话闲置超时 / idle session timeout")
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
		if err := demoAdmin(e, db); err != nil {
			return err
		}
	}
	srv, err := web.New(db, web.Options{Secure: *secure, IdleTimeout: *idle})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return hezuo.Errorf(hezuo.EINVALID, "无法监听 %s：%v", "cannot listen on %s: %v", *addr, err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String() + "/"
	if e.lang == "en" {
		fmt.Fprintf(e.stdout, "hezuo serving %s on %s\n", *f.db, url)
	} else {
		fmt.Fprintf(e.stdout, "hezuo 网页应用（数据库 %s）已启动：%s\n", *f.db, url)
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-e.ctx.Done():
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// demoAdminName is the user `serve --demo` creates in a database that has
// no users yet.
const demoAdminName = "admin"

// demoAdmin creates the demo county administrator with a random password
// and prints both once, when the database holds the demo and no user yet.
func demoAdmin(e *env, db *sqldb.DB) error {
	n, err := db.CountUsers(e.ctx)
	if err != nil || n > 0 {
		return err
	}
	var county string
	if err := db.QueryRowContext(e.ctx, `SELECT min(code) FROM divisions WHERE level = 'county'`).Scan(&county); err != nil {
		return err
	}
	password := sqldb.RandomToken(12)
	u := &hezuo.User{Name: demoAdminName, Role: hezuo.RoleCountyAdmin, Scope: county[:6]}
	if err := db.CreateUser(e.ctx, u, password, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "演示管理员 / demo administrator: %s  密码 / password: %s  （只显示这一次 / shown only once）\n", u.Name, password)
	return nil
}
