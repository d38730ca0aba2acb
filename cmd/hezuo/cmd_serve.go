package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"hezuo"
	"hezuo/sqldb"
	"hezuo/web"
)

var cmdServe = &command{
	name:  "serve",
	usage: "serve [--db DSN] [--addr 127.0.0.1:8080] [--demo] [--secure] [--idle 30m] [--max-age 12h] [--trust-proxy] [--shutdown-timeout 30s] [--log-format text|json] [--read-db DSN] [--read-max-lag 5s]",
	short: "启动网页应用 / start the web application",
	long:  "启动网页应用和 /api/ 接口 / start the web application and the /api/ JSON API",
	flags: []flagGroup{dbFlags, replicaFlags},
	setup: runServe,
}

// serveOptions are serve's own flags.
type serveOptions struct {
	addr, logFormat     *string
	demo, secure, trust *bool
	idle, maxAge, grace *time.Duration
}

func runServe(f *flags) action {
	o := serveOptions{
		addr:      f.String("addr", "127.0.0.1:8080", "监听地址（端口 0 表示任选）/ listen address (port 0: any free port)"),
		demo:      f.Bool("demo", false, "数据库为空时先载入演示县，并创建演示管理员（随机密码只显示一次）/ load the demo county into an empty database first and create a demo administrator (random password shown once)"),
		secure:    f.Bool("secure", false, "Cookie 加 Secure 标记（经 HTTPS 反向代理提供服务时使用）/ mark cookies Secure (when served over HTTPS)"),
		idle:      f.Duration("idle", 30*time.Minute, "会话闲置超时 / idle session timeout"),
		maxAge:    f.Duration("max-age", 12*time.Hour, "会话绝对超时（登录后最长时间）/ absolute session timeout after sign-in"),
		trust:     f.Bool("trust-proxy", false, "信任反向代理的 X-Real-IP / X-Forwarded-For（仅在 nginx 之后使用）/ trust X-Real-IP / X-Forwarded-For (only behind nginx)"),
		grace:     f.Duration("shutdown-timeout", 30*time.Second, "收到 SIGINT/SIGTERM 后等待进行中请求完成的最长时间 / how long SIGINT/SIGTERM waits for requests in flight"),
		logFormat: f.String("log-format", "text", "请求日志格式 text|json（写到标准错误）/ request log format on stderr"),
	}
	return f.onDB(func(e *env, db *sqldb.DB, _ []string) error { return serve(e, f, db, o) })
}

// serve runs the web application on db until the context ends.
func serve(e *env, f *flags, db *sqldb.DB, o serveOptions) error {
	if *o.demo {
		if _, err := loadDemo(e, db, hezuo.Today(hezuo.China)); err != nil {
			return err
		}
		if err := demoAdmin(e, db); err != nil {
			return err
		}
	}
	logger, err := newLogger(e, *o.logFormat)
	if err != nil {
		return err
	}
	srv, err := web.New(db, web.Options{Secure: *o.secure, IdleTimeout: *o.idle, MaxAge: *o.maxAge, TrustProxy: *o.trust, Logger: logger})
	if err != nil {
		return err
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *o.addr)
	if err != nil {
		return hezuo.Errorf(hezuo.EINVALID, "无法监听 %s：%v", "cannot listen on %s: %v", *o.addr, err)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 5 * time.Minute,
		IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10}
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
	// Stop accepting, and let the requests in flight finish (an import
	// being confirmed, a report being printed) up to the grace period.
	logger.Info("shutting down", "grace", o.grace.String())
	ctx, cancel := context.WithTimeout(context.Background(), *o.grace)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		return hezuo.Errorf(hezuo.EINTERNAL, "停止服务时仍有请求未完成：%v", "requests were still running at shutdown: %v", err)
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
	password := hezuo.RandomPassword()
	u := &hezuo.User{Name: demoAdminName, Role: hezuo.RoleCountyAdmin, Scope: county[:6]}
	if err := db.CreateUser(e.ctx, u, password, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "演示管理员 / demo administrator: %s  密码 / password: %s  （只显示这一次 / shown only once）\n", u.Name, password)
	return nil
}

// newLogger returns the request logger on stderr, as text or JSON lines.
func newLogger(e *env, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(e.stderr, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(e.stderr, nil)), nil
	}
	return nil, usagef("--log-format 应为 text 或 json / --log-format must be text or json")
}
