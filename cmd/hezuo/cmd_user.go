package main

import (
	"bufio"
	"fmt"
	"strings"
	"time"

	"hezuo"
)

func init() {
	register(80, command{name: "user", summary: "用户管理（add、list、passwd、disable、enable）/ web users", run: cmdUser})
}

func cmdUser(e *env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("%s", "用法 / usage: hezuo user add NAME --role ROLE --scope CODE [--subject X] [--password-stdin]\n"+
			"       hezuo user list | passwd NAME [--password-stdin] | disable NAME | enable NAME\n"+
			"角色 / roles: "+strings.Join(hezuo.Roles, ", "))
	}
	switch args[0] {
	case "add":
		return userAdd(e, args[1:])
	case "list":
		return userList(e, args[1:])
	case "passwd", "disable", "enable":
		return userChange(e, args[0], args[1:])
	}
	return usagef("未知的子命令 %q / unknown sub-command %q", args[0], args[0])
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

func userAdd(e *env, args []string) error {
	f := newFlags(e, "user add NAME --role ROLE --scope CODE [--subject X] [--password-stdin]",
		"新建网页用户；不给 --password-stdin 时生成随机密码并显示一次。--subject：涉农部门用户的部门代码、书记的组织编号、指导员的身份证号\n"+
			"create a web user; without --password-stdin a random password is made and shown once. --subject: a department officer's department code, a branch secretary's org_id, an instructor's ID number", "db")
	role := f.String("role", "", "角色 / role: "+strings.Join(hezuo.Roles, ", "))
	scope := f.String("scope", "", "范围：区划代码 / scope: division code")
	subject := f.String("subject", "", "部门代码、组织编号或指导员身份证号 / department code, org_id or instructor ID number")
	stdin := f.Bool("password-stdin", false, "从标准输入第一行读取密码 / read the password from stdin's first line")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("需要一个用户名 / one user name expected")
	}
	if *role == "" || *scope == "" {
		return usagef("--role 和 --scope 必须给出 / --role and --scope are required")
	}
	pw, generated, err := password(e, *stdin)
	if err != nil {
		return err
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	u := &hezuo.User{Name: pos[0], Role: *role, Scope: *scope, Subject: *subject}
	if err := db.CreateUser(e.ctx, u, pw, time.Now()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "用户 %s 已创建 / user %s created (%s, %s)\n", u.Name, u.Name, u.Role, u.Scope)
	if generated {
		fmt.Fprintf(e.stdout, "密码 / password: %s  （只显示这一次 / shown only once）\n", pw)
	}
	return nil
}

func userList(e *env, args []string) error {
	f := newFlags(e, "user list [--format json|text]", "列出用户 / list users", "db", "format")
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
	us, err := db.Users(e.ctx, hezuo.System)
	if err != nil {
		return err
	}
	if *f.format == "json" {
		if us == nil {
			us = []*hezuo.User{}
		}
		return writeJSON(e.stdout, us)
	}
	for _, u := range us {
		state := ""
		if u.Disabled {
			state = " (停用 disabled)"
		}
		fmt.Fprintf(e.stdout, "%-16s %-18s %-12s %s%s\n", u.Name, u.Role, u.Scope, u.Subject, state)
	}
	return nil
}

func userChange(e *env, op string, args []string) error {
	f := newFlags(e, "user "+op+" NAME", "修改用户 / change a user", "db")
	stdin := f.Bool("password-stdin", false, "从标准输入读取新密码 / read the new password from stdin")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("需要一个用户名 / one user name expected")
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	us, err := db.Users(e.ctx, hezuo.System)
	if err != nil {
		return err
	}
	var u *hezuo.User
	for _, x := range us {
		if x.Name == pos[0] {
			u = x
		}
	}
	if u == nil {
		return hezuo.Errorf(hezuo.ENOTFOUND, "没有用户 %s", "no user %s", pos[0])
	}
	switch op {
	case "passwd":
		pw, generated, err := password(e, *stdin)
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
