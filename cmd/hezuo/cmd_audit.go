package main

import (
	"fmt"
	"strconv"
	"time"

	"hezuo"
)

func init() {
	register(88, command{name: "audit", summary: "审计日志保留期与清理 / audit log retention and purge", run: cmdAudit})
}

// cmdAudit runs `hezuo audit retention [DAYS]` (show or set how long audit
// entries are kept: at least 184 days) and `hezuo audit purge` (delete the
// entries older than that). Nothing else can delete or change an audit
// entry: the database refuses it (migration 0007).
func cmdAudit(e *env, args []string) error {
	f := newFlags(e, "audit retention [DAYS] | audit purge [--db DSN]",
		"审计日志：retention 查看或设置保留天数（至少 184 天，即六个月）；purge 删除超过保留期的条目\n"+
			"the audit log: retention shows or sets how many days entries are kept (at least 184, six months); purge deletes the entries older than that", "db")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	usage := usagef("用法 / usage: hezuo audit retention [DAYS] | hezuo audit purge [--db DSN]")
	if len(pos) == 0 || (pos[0] != "retention" && pos[0] != "purge") || (pos[0] == "purge" && len(pos) > 1) || len(pos) > 2 {
		return usage
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	who := &hezuo.Access{User: "cli", Role: hezuo.RoleCountyAdmin}
	switch {
	case pos[0] == "purge":
		n, err := db.PurgeAudit(e.ctx, who, time.Now())
		if err != nil {
			return err
		}
		e.say(fmt.Sprintf("已删除 %d 条超过保留期的审计日志", n), fmt.Sprintf("%d audit entries older than the retention deleted", n))
		return nil
	case len(pos) == 2:
		days, err := strconv.Atoi(pos[1])
		if err != nil {
			return usage
		}
		if err := db.SetAuditRetention(e.ctx, who, days, time.Now()); err != nil {
			return err
		}
	}
	days, err := db.AuditRetention(e.ctx)
	if err != nil {
		return err
	}
	e.say(fmt.Sprintf("审计日志保留 %d 天", days), fmt.Sprintf("audit entries are kept %d days", days))
	return nil
}

// say prints one line in the command's language.
func (e *env) say(zh, en string) {
	if e.lang == "en" {
		fmt.Fprintln(e.stdout, en)
	} else {
		fmt.Fprintln(e.stdout, zh)
	}
}
