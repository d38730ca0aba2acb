package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"hezuo"
)

// Exit codes of cli.md.
const (
	exitOK       = 0
	exitRejected = 1
	exitUsage    = 2
)

// env is what a command runs with: its streams and the common options.
type env struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	lang   string
	cmd    string // the command's name: its section of the configuration file
}

// commands is the table of sub-commands, in the order `hezuo help` lists
// them; each is defined beside its code in a cmd_*.go file.
var commands = []*command{
	cmdDemo, cmdServe, cmdStats, cmdCheck, cmdPlan, cmdOverdue, cmdLoans, cmdDevelopment, cmdRates,
	cmdEvaluate, cmdReport, cmdGen, cmdImport, cmdTemplate, cmdExport, cmdUser, cmdSummary,
	cmdBackup, cmdRestore, cmdKey, cmdAudit, cmdMigrate,
}

// usageError is a command-line mistake (exit code 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run executes one command line and returns the process exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, lang: langFromEnv()}
	for i, a := range args {
		// --lang may come anywhere; take it early so usage errors are localised.
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			e.lang = v
		} else if (a == "--lang" || a == "-lang") && i+1 < len(args) {
			e.lang = args[i+1]
		}
	}
	switch {
	case len(args) == 0:
		printHelp(stdout)
		return exitUsage
	case args[0] == "help" && len(args) > 1:
		return e.exit(help(e, args[1:]))
	case args[0] == "help" || isHelpFlag(args[0]):
		printHelp(stdout)
		return exitOK
	}
	c := find(commands, args[0])
	if c == nil {
		return e.exit(usageError{unknownText(args[0])})
	}
	e.cmd = c.name
	return e.exit(c.exec(e, args[1:]))
}

// find returns the command of cs called name, or nil.
func find(cs []*command, name string) *command {
	for _, c := range cs {
		if c.name == name {
			return c
		}
	}
	return nil
}

func isHelpFlag(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

// help runs `hezuo help NAME [SUB]`: the command's help on stdout.
func help(e *env, path []string) error {
	cs, c := commands, (*command)(nil)
	for _, name := range path {
		if c = find(cs, name); c == nil {
			return usageError{unknownText(name)}
		}
		cs = c.subs
	}
	c.printHelp(e, e.stdout)
	return nil
}

// unknownText is the usage error of a command name not in the table.
func unknownText(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "未知命令 %q / unknown command %q\n\n", name, name)
	printHelp(&b)
	return strings.TrimSuffix(b.String(), "\n")
}

func langFromEnv() string {
	if l := os.Getenv("HEZUO_LANG"); l == "en" {
		return "en"
	}
	return "zh"
}

// exit reports err on stderr and maps it to an exit code.
func (e *env) exit(err error) int {
	var u usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &u):
		fmt.Fprintln(e.stderr, u.msg)
		return exitUsage
	}
	fmt.Fprintln(e.stderr, hezuo.ErrorMessage(err, e.lang))
	return exitRejected
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "hezuo — 农民专业合作组织党建 / party-building in farmers' cooperative organizations")
	fmt.Fprintln(w, "\n用法 / usage: hezuo <命令 command> [参数 flags]  (每个命令都有 --help / every command has --help)")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.short)
	}
}
