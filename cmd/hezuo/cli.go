package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"hezuo"
	"hezuo/sqldb"
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

// command is one sub-command.
type command struct {
	name    string
	summary string // Chinese / English
	run     func(e *env, args []string) error
	rank    int
}

// commands holds every sub-command; each cmd_*.go file registers its own
// in an init function, so commands can be added without touching this file.
var commands []command

// register adds a command; help lists commands in the order of their rank.
func register(rank int, c command) {
	c.rank = rank
	commands = append(commands, c)
	sort.SliceStable(commands, func(i, j int) bool { return commands[i].rank < commands[j].rank })
}

func init() {
	register(10, command{name: "demo", summary: "载入演示县数据 / load the demo county", run: cmdDemo})
	register(20, command{name: "serve", summary: "启动网页应用 / start the web application", run: cmdServe})
	register(30, command{name: "stats", summary: "统计数字 / statistics for a scope and day", run: cmdStats})
	register(40, command{name: "check", summary: "规则检查 / apply the rules to every org", run: cmdCheck})
	register(50, command{name: "evaluate", summary: "仅按规则判定（无数据库）/ the rules alone on JSON input", run: cmdEvaluate})
	register(90, command{name: "migrate", summary: "升级数据库结构 / run schema migrations", run: cmdMigrate})
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
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printHelp(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			e.cmd = c.name
			return e.exit(c.run(e, args[1:]))
		}
	}
	fmt.Fprintf(stderr, "未知命令 %q / unknown command %q\n\n", args[0], args[0])
	printHelp(stderr)
	return exitUsage
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
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
}

// flags is a command's flag set with the common options.
type flags struct {
	*flag.FlagSet
	db     *string
	cipher *string // with db: the cipher of a new database's key (cmd_key.go)
	scope  *string
	asOf   *string
	format *string
	lang   *string
}

// newFlags returns a flag set for command name; with selects the common
// options it takes ("db", "scope", "as-of", "format").
func newFlags(e *env, name, usage string, with ...string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	f := &flags{FlagSet: fs}
	for _, w := range with {
		switch w {
		case "db":
			f.db = fs.String("db", defaultDB(), "数据库：SQLite 文件或 postgres:// 地址 / database: SQLite file or postgres:// URL (default $HEZUO_DB or hezuo.db)")
			f.cipher = fs.String("cipher", "", cipherUsage)
		case "scope":
			f.scope = fs.String("scope", "all", "范围：区划代码（2/4/6/9/12 位）或 all / scope: division code or all")
		case "as-of":
			f.asOf = fs.String("as-of", "", "截止日期 YYYY-MM-DD（默认今天）/ as-of date (default today)")
		case "format":
			f.format = fs.String("format", "text", "输出格式 json|text / output format")
		}
	}
	f.lang = fs.String("lang", e.lang, "语言 zh|en / language")
	fs.String("config", os.Getenv(configEnv), "配置文件（每个参数也可用环境变量 HEZUO_<参数名>；命令行优先于环境变量，环境变量优先于配置文件）/ configuration file (every flag can also come from HEZUO_<FLAG>; flags override the environment, which overrides the file)")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "用法 / usage: hezuo %s\n%s\n\n参数 / flags:\n", name, usage)
		fs.PrintDefaults()
	}
	return f
}

func defaultDB() string {
	if v := os.Getenv("HEZUO_DB"); v != "" {
		return v
	}
	return "hezuo.db"
}

// parse parses args allowing flags before and after positional arguments,
// and returns the positional arguments.
func (f *flags) parse(e *env, args []string) ([]string, error) {
	if err := f.applyConfig(e, args); err != nil {
		return nil, err
	}
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		rest := f.Args()
		if len(rest) == 0 {
			break
		}
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if *f.lang != "zh" && *f.lang != "en" {
		return nil, usagef("--lang 应为 zh 或 en / --lang must be zh or en")
	}
	e.lang = *f.lang
	if f.format != nil && *f.format != "json" && *f.format != "text" {
		return nil, usagef("--format 应为 json 或 text / --format must be json or text")
	}
	return pos, nil
}

// scopeDay returns the parsed --scope and --as-of (default today in China).
func (f *flags) scopeDay() (hezuo.Scope, hezuo.Date, error) {
	var scope hezuo.Scope
	if f.scope != nil {
		s, err := hezuo.ParseScope(*f.scope)
		if err != nil {
			return scope, hezuo.Date{}, usageError{err.(*hezuo.Error).Message("zh") + " / " + err.(*hezuo.Error).Message("en")}
		}
		scope = s
	}
	day := hezuo.Today(hezuo.China)
	if f.asOf != nil && *f.asOf != "" {
		d, err := hezuo.ParseDate(*f.asOf)
		if err != nil {
			return scope, day, usageError{"--as-of: " + err.(*hezuo.Error).Message("zh") + " / " + err.(*hezuo.Error).Message("en")}
		}
		day = d
	}
	return scope, day, nil
}

// open opens the --db database (running migrations).
func (f *flags) open(e *env) (*sqldb.DB, error) {
	return sqldb.OpenWith(e.ctx, *f.db, sqldb.OpenOptions{Cipher: *f.cipher})
}

// parseOnly parses args of a command that takes no positional arguments.
func (f *flags) parseOnly(e *env, args []string) error {
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	return noArgs(pos)
}

// noArgs rejects positional arguments.
func noArgs(pos []string) error {
	if len(pos) > 0 {
		return usagef("多余的参数 / unexpected arguments: %s", strings.Join(pos, " "))
	}
	return nil
}
