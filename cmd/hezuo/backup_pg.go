package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"hezuo"
)

// pgCommand returns the PostgreSQL client tool name run against dsn, with
// the password moved from the URL into PGPASSWORD so that it does not show
// in the process list.
func pgCommand(ctx context.Context, tool, dsn string, args ...string) (*exec.Cmd, error) {
	path, err := exec.LookPath(tool)
	if err != nil {
		return nil, errNoPGTools
	}
	env := os.Environ()
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok {
			env = append(env, "PGPASSWORD="+pw)
			u.User = url.User(u.User.Username())
			dsn = u.String()
		}
	}
	if dsn != "" {
		args = append(args, "--dbname="+dsn)
	}
	c := exec.CommandContext(ctx, path, args...)
	c.Env = env
	return c, nil
}

// runPG runs a client tool and turns a failure into an error carrying its
// standard error.
func runPG(c *exec.Cmd, what string) ([]byte, error) {
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		return nil, hezuo.Errorf(hezuo.EINVALID, "%s 失败：%v %s", "%s failed: %v %s", what, err, msg)
	}
	return out.Bytes(), nil
}

// pgDump writes a custom-format archive of the database dsn to file.
func pgDump(ctx context.Context, dsn, file string) error {
	c, err := pgCommand(ctx, "pg_dump", dsn, "--format=custom", "--no-owner", "--no-privileges", "--file="+file)
	if err != nil {
		return err
	}
	_, err = runPG(c, "pg_dump")
	return err
}

// pgDumpMigrations reads the schema_migrations rows of a pg_dump archive
// (its COPY data, as pg_restore prints it without a database).
func pgDumpMigrations(ctx context.Context, file string) (map[int]string, error) {
	c, err := pgCommand(ctx, "pg_restore", "", "--data-only", "--table=schema_migrations", "--file=-", file)
	if err != nil {
		return nil, err
	}
	out, err := runPG(c, "pg_restore --list")
	if err != nil {
		return nil, notBackup(file)
	}
	applied := map[int]string{}
	in := false
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "COPY ") && strings.Contains(line, "schema_migrations"):
			in = true
		case in && line == `\.`:
			in = false
		case in:
			f := strings.Split(line, "\t")
			if len(f) < 2 {
				continue
			}
			v, err := strconv.Atoi(f[0])
			if err != nil {
				return nil, notBackup(file)
			}
			applied[v] = f[1]
		}
	}
	return applied, sc.Err()
}

// restorePostgres replaces the contents of the database target with the
// archive file: it drops the public schema (everything hezuo keeps) and
// runs pg_restore in one transaction.
func restorePostgres(ctx context.Context, file, target string) error {
	c, err := sql.Open("pgx", target)
	if err != nil {
		return err
	}
	_, err = c.ExecContext(ctx, `DROP SCHEMA public CASCADE; CREATE SCHEMA public`)
	c.Close()
	if err != nil {
		return fmt.Errorf("恢复前清空目标数据库 / clearing the target: %w", err)
	}
	cmd, err := pgCommand(ctx, "pg_restore", target, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file)
	if err != nil {
		return err
	}
	_, err = runPG(cmd, "pg_restore")
	return err
}
