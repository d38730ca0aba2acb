package main

import (
	"fmt"
	"strconv"
	"time"

	"hezuo"
	"hezuo/sqldb"
)

var cmdAudit = &command{
	name:  "audit",
	usage: "audit retention [DAYS] | audit purge [--db DSN]",
	short: "审计日志保留期与清理 / audit log retention and purge",
	long: "审计日志：retention 查看或设置保留天数（至少 184 天，即六个月）；purge 删除超过保留期的条目\n" +
		"the audit log: retention shows or sets how many days entries are kept (at least 184, six months); purge deletes the entries older than that",
	flags: []flagGroup{dbFlags},
	args:  anyArgs,
	setup: runAudit,
}

// runAudit runs `hezuo audit retention [DAYS]` (show or set how long audit
// entries are kept: at least 184 days) and `hezuo audit purge` (delete the
// entries older than that). Nothing else can delete or change an audit
// entry: the database refuses it (migration 0007).
func runAudit(f *flags) action {
	return func(e *env, pos []string) error {
		if len(pos) == 0 || (pos[0] != "retention" && pos[0] != "purge") || (pos[0] == "purge" && len(pos) > 1) || len(pos) > 2 {
			return f.cmd.usageErr()
		}
		days := 0
		if len(pos) == 2 {
			var err error
			if days, err = strconv.Atoi(pos[1]); err != nil {
				return f.cmd.usageErr()
			}
		}
		return f.withDB(e, func(db *sqldb.DB) error { return audit(e, db, pos[0], len(pos) == 2, days) })
	}
}

// audit purges the audit log, or sets (when set) and shows its retention.
func audit(e *env, db *sqldb.DB, what string, set bool, days int) error {
	who := &hezuo.Access{User: "cli", Role: hezuo.RoleCountyAdmin}
	if what == "purge" {
		n, err := db.PurgeAudit(e.ctx, who, time.Now())
		if err != nil {
			return err
		}
		e.say(fmt.Sprintf("已删除 %d 条超过保留期的审计日志", n), fmt.Sprintf("%d audit entries older than the retention deleted", n))
		return nil
	}
	if set {
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
