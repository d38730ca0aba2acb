package main

import (
	"flag"
	"io"
	"os"
	"time"

	"hezuo"
	"hezuo/sqldb"
)

// flags is one run's flag set: the shared flags its command takes, parsed
// and checked, beside the command's own (which its setup keeps).
type flags struct {
	*flag.FlagSet
	cmd *command

	db, cipher, keyFile *string // dbFlags, keyFileFlags
	readDB              *string // replicaFlags
	readMaxLag          *time.Duration
	scopeCode, asOf     *string // scopeFlags, dayFlags
	format              *string // formatFlags
	lang                *string

	scope hezuo.Scope // --scope, parsed
	day   hezuo.Date  // --as-of, parsed; today in China without it
}

// newFlags returns c's flag set with the shared flags it takes, --lang and
// --config; c.setup adds the command's own.
func newFlags(e *env, c *command) *flags {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	f := &flags{FlagSet: fs, cmd: c, day: hezuo.Today(hezuo.China)}
	for _, g := range c.flags {
		g.define(f)
	}
	f.lang = fs.String("lang", e.lang, "语言 zh|en / language")
	fs.String("config", os.Getenv(configEnv), "配置文件（每个参数也可用环境变量 HEZUO_<参数名>；命令行优先于环境变量，环境变量优先于配置文件）/ configuration file (every flag can also come from HEZUO_<FLAG>; flags override the environment, which overrides the file)")
	fs.Usage = func() { c.printUsage(e.stderr, fs) }
	return f
}

// flagGroup is flags that several commands take, defined once here and
// attached by naming the group in command.flags.
type flagGroup struct {
	define func(f *flags)
	check  func(f *flags) error // after parsing, before the action; may be nil
}

// cipherUsage documents --cipher, which every command with --db takes: a
// database created by the command gets a key of that cipher.
const cipherUsage = "新建数据库时密钥的加密算法 aes|sm4（默认 aes；国密要求时用 sm4）/ cipher of a new database's key: aes|sm4 (default aes; sm4 where national cryptography is required)"

// The shared flag groups.
var (
	// dbFlags: the database (opened by flags.open) and the cipher of the key
	// of a database the command creates.
	dbFlags = flagGroup{define: func(f *flags) {
		f.db = f.String("db", defaultDB(), "数据库：SQLite 文件或 postgres:// 地址 / database: SQLite file or postgres:// URL (default $HEZUO_DB or hezuo.db)")
		f.cipher = f.String("cipher", "", cipherUsage)
	}}

	// keyFileFlags: where the key sealing ID numbers and phones is kept.
	keyFileFlags = flagGroup{define: func(f *flags) {
		f.keyFile = f.String("key-file", "", "密钥文件（默认 $HEZUO_KEY_FILE，或 SQLite 数据库旁的 <db>.key、PostgreSQL 时当前目录的 hezuo.key）/ key file (default $HEZUO_KEY_FILE, else <db>.key beside an SQLite database, hezuo.key for PostgreSQL)")
	}}

	// replicaFlags: a read replica beside the database.
	replicaFlags = flagGroup{define: func(f *flags) {
		f.readDB = f.String("read-db", "", "只读副本（PostgreSQL，可多主机）：GET 请求的查询在副本赶上用户自己的写入后走副本 / read replica (PostgreSQL, may list several hosts): GET requests read there once it has replayed the user's own writes")
		f.readMaxLag = f.Duration("read-max-lag", 5*time.Second, "副本落后超过此时长时改读主库 / read from the primary while the replica lags by more than this")
	}}

	scopeFlags = flagGroup{
		define: func(f *flags) {
			f.scopeCode = f.String("scope", "all", "范围：区划代码（2/4/6/9/12 位）或 all / scope: division code or all")
		},
		check: func(f *flags) error {
			s, err := hezuo.ParseScope(*f.scopeCode)
			if err != nil {
				return usageError{bilingual(err)}
			}
			f.scope = s
			return nil
		},
	}

	dayFlags = flagGroup{
		define: func(f *flags) {
			f.asOf = f.String("as-of", "", "截止日期 YYYY-MM-DD（默认今天）/ as-of date (default today)")
		},
		check: func(f *flags) error {
			if *f.asOf == "" {
				return nil
			}
			d, err := hezuo.ParseDate(*f.asOf)
			if err != nil {
				return usageError{"--as-of: " + bilingual(err)}
			}
			f.day = d
			return nil
		},
	}

	formatFlags = flagGroup{
		define: func(f *flags) {
			f.format = f.String("format", "text", "输出格式 json|text / output format")
		},
		check: func(f *flags) error {
			if *f.format != "json" && *f.format != "text" {
				return usagef("--format 应为 json 或 text / --format must be json or text")
			}
			return nil
		},
	}
)

// bilingual is an error's message in Chinese and English, for a usage
// error printed before the language is known to matter.
func bilingual(err error) string {
	return hezuo.ErrorMessage(err, "zh") + " / " + hezuo.ErrorMessage(err, "en")
}

func defaultDB() string {
	if v := os.Getenv("HEZUO_DB"); v != "" {
		return v
	}
	return "hezuo.db"
}

// asJSON tells whether --format json was asked for.
func (f *flags) asJSON() bool { return f.format != nil && *f.format == "json" }

// open opens the --db database (running migrations), with the key of
// --key-file and the replica of --read-db when the command takes them.
func (f *flags) open(e *env) (*sqldb.DB, error) {
	opts := sqldb.OpenOptions{Cipher: *f.cipher, Now: time.Now}
	if f.keyFile != nil {
		opts.KeyFile = *f.keyFile
	}
	db, err := sqldb.OpenWith(e.ctx, *f.db, opts)
	if err != nil || f.readDB == nil || *f.readDB == "" {
		return db, err
	}
	if err := db.OpenReplica(e.ctx, *f.readDB, *f.readMaxLag); err != nil {
		db.Close()
		return nil, hezuo.Errorf(hezuo.EINVALID, "%v", "%v", err)
	}
	return db, nil
}

// withDB opens the database, runs use on it and closes it.
func (f *flags) withDB(e *env, use func(db *sqldb.DB) error) error {
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	return use(db)
}

// onDB is the action of a command that works on the database --db names:
// it opens it, runs use and closes it.
func (f *flags) onDB(use func(e *env, db *sqldb.DB, pos []string) error) action {
	return func(e *env, pos []string) error {
		return f.withDB(e, func(db *sqldb.DB) error { return use(e, db, pos) })
	}
}

// output writes v as JSON under --format json, else as text.
func (f *flags) output(e *env, v any, text func(w io.Writer)) error {
	if f.asJSON() {
		return writeJSON(e.stdout, v)
	}
	text(e.stdout)
	return nil
}
