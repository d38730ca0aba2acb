package main

import (
	"bufio"
	"fmt"
	"hezuo/sqldb"
	"io"
	"strings"
	"time"

	"hezuo"
)

var cmdUser = &command{
	name: "user",
	usage: "user add NAME --role ROLE --scope CODE [--subject X] [--password-stdin]\n" +
		"       hezuo user list | passwd NAME [--password-stdin] | disable NAME | enable NAME",
	short: "用户管理（add、list、passwd、disable、enable）/ web users",
	long:  "角色 / roles: " + strings.Join(hezuo.Roles, ", "),
	subs:  []*command{cmdUserAdd, cmdUserList, userChange("passwd"), userChange("disable"), userChange("enable")},
}

var cmdUserAdd = &command{
	name:  "add",
	usage: "user add NAME --role ROLE --scope CODE [--subject X] [--password-stdin]",
	long: "新建网页用户；不给 --password-stdin 时生成随机密码并显示一次。--subject：涉农部门用户的部门代码、书记的组织编号、指导员的身份证号\n" +
		"create a web user; without --password-stdin a random password is made and shown once. --subject: a department officer's department code, a branch secretary's org_id, an instructor's ID number",
	flags: []flagGroup{dbFlags},
	args:  1,
	setup: runUserAdd,
}

var cmdUserList = &command{
	name:  "list",
	usage: "user list [--format json|text]",
	long:  "列出用户 / list users",
	flags: []flagGroup{dbFlags, formatFlags},
	setup: runUserList,
}

// userChange is the command of `hezuo user passwd|disable|enable NAME`.
func userChange(op string) *command {
	return &command{
		name:  op,
		usage: "user " + op + " NAME",
		long:  "修改用户 / change a user",
		flags: []flagGroup{dbFlags},
		args:  1,
		setup: func(f *flags) action { return runUserChange(f, op) },
	}
}

// password reads the password from stdin's first line, or makes a random
// one to print when fromStdin is false.
func password(e *env, fromStdin bool) (string, bool, error) {
	if !fromStdin {
		return hezuo.RandomPassword(), true, nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" && err != nil {
		return "", false, hezuo.Errorf(hezuo.EINVALID, "标准输入中没有密码", "no password on stdin")
	}
	return line, false, nil
}

func runUserAdd(f *flags) action {
	role := f.String("role", "", "角色 / role: "+strings.Join(hezuo.Roles, ", "))
	scope := f.String("scope", "", "范围：区划代码 / scope: division code")
	subject := f.String("subject", "", "部门代码、组织编号或指导员身份证号 / department code, org_id or instructor ID number")
	stdin := f.Bool("password-stdin", false, "从标准输入第一行读取密码 / read the password from stdin's first line")
	return func(e *env, pos []string) error {
		if *role == "" || *scope == "" {
			return usagef("--role 和 --scope 必须给出 / --role and --scope are required")
		}
		pw, generated, err := password(e, *stdin)
		if err != nil {
			return err
		}
		return f.withDB(e, func(db *sqldb.DB) error {
			u := &hezuo.User{Name: pos[0], Role: *role, Scope: *scope, Subject: *subject}
			if err := db.CreateUser(e.ctx, u, pw, time.Now()); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "用户 %s 已创建 / user %s created (%s, %s)\n", u.Name, u.Name, u.Role, u.Scope)
			if generated {
				fmt.Fprintf(e.stdout, "密码 / password: %s  （只显示这一次 / shown only once）\n", pw)
			}
			return nil
		})
	}
}

func runUserList(f *flags) action {
	return f.onDB(func(e *env, db *sqldb.DB, _ []string) error {
		us, err := db.Users(e.ctx, hezuo.System)
		if err != nil {
			return err
		}
		if us == nil {
			us = []*hezuo.User{}
		}
		return f.output(e, us, func(w io.Writer) {
			for _, u := range us {
				state := ""
				if u.Disabled {
					state = " (停用 disabled)"
				}
				fmt.Fprintf(w, "%-16s %-18s %-12s %s%s\n", u.Name, u.Role, u.Scope, u.Subject, state)
			}
		})
	})
}

func runUserChange(f *flags, op string) action {
	stdin := f.Bool("password-stdin", false, "从标准输入读取新密码 / read the new password from stdin")
	return f.onDB(func(e *env, db *sqldb.DB, pos []string) error { return changeUser(e, db, op, pos[0], *stdin) })
}

// changeUser sets the password of user name, or disables or enables it.
func changeUser(e *env, db *sqldb.DB, op, name string, stdin bool) error {
	us, err := db.Users(e.ctx, hezuo.System)
	if err != nil {
		return err
	}
	var u *hezuo.User
	for _, x := range us {
		if x.Name == name {
			u = x
		}
	}
	if u == nil {
		return hezuo.Errorf(hezuo.ENOTFOUND, "没有用户 %s", "no user %s", name)
	}
	switch op {
	case "passwd":
		pw, generated, err := password(e, stdin)
		if err != nil {
			return err
		}
		if err := db.SetUserPasswordBy(e.ctx, hezuo.System, u.ID, pw, time.Now()); err != nil {
			return err
		}
		if generated {
			fmt.Fprintf(e.stdout, "新密码 / new password: %s  （只显示这一次 / shown only once）\n", pw)
		}
	default:
		if err := db.SetUserDisabledBy(e.ctx, hezuo.System, u.ID, op == "disable", time.Now()); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "用户 %s：%s 完成 / done\n", u.Name, op)
	return nil
}
