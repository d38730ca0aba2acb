package main

import (
	"fmt"
	"strings"
	"time"

	"hezuo/sqldb"
)

// cipherUsage documents --cipher, which every command with --db takes: a
// database created by the command gets a key of that cipher.
const cipherUsage = "新建数据库时密钥的加密算法 aes|sm4（默认 aes；国密要求时用 sm4）/ cipher of a new database's key: aes|sm4 (default aes; sm4 where national cryptography is required)"

func init() {
	register(87, command{name: "key", summary: "个人信息加密密钥（check、rotate）/ the key sealing ID numbers and phones", run: cmdKey})
}

// cmdKey runs `hezuo key check` (every sealed value opens and every keyed
// hash matches) and `hezuo key rotate` (a new key; everything re-sealed and
// re-hashed in one transaction; the key file rewritten atomically).
func cmdKey(e *env, args []string) error {
	f := newFlags(e, "key check|rotate [--db DSN] [--key-file FILE] [--cipher aes|sm4] [--drop-old] [--format json|text]",
		"check：验证密钥能解密全部身份证号和电话、哈希一致；rotate：生成新密钥，在一个事务中重新加密全部数据并重算哈希，再原子地写回密钥文件（旧密钥保留，--drop-old 时删除）。轮换前请停止网页服务。\n"+
			"check: verify that the key opens every ID number and phone and that the keyed hashes match; rotate: make a new key, re-seal and re-hash everything in one transaction, then rewrite the key file atomically (old keys kept unless --drop-old). Stop the web server before rotating.",
		"db", "format")
	keyFile := f.String("key-file", "", "密钥文件（默认 $HEZUO_KEY_FILE，或 SQLite 数据库旁的 <db>.key、PostgreSQL 时当前目录的 hezuo.key）/ key file (default $HEZUO_KEY_FILE, else <db>.key beside an SQLite database, hezuo.key for PostgreSQL)")
	dropOld := f.Bool("drop-old", false, "rotate：轮换成功后从密钥文件删除旧密钥 / rotate: remove the old keys from the key file once the rotation committed")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (pos[0] != "check" && pos[0] != "rotate") {
		return usagef("用法 / usage: hezuo key check|rotate [--cipher aes|sm4] [--drop-old]")
	}
	if pos[0] == "check" && *dropOld {
		return usagef("--drop-old 只用于 rotate / --drop-old goes with rotate only")
	}
	db, err := sqldb.OpenWith(e.ctx, *f.db, sqldb.OpenOptions{KeyFile: *keyFile, Cipher: *f.cipher})
	if err != nil {
		return err
	}
	defer db.Close()
	var st *sqldb.KeyStatus
	if pos[0] == "rotate" {
		st, err = db.RotateKeys(e.ctx, *f.cipher, *dropOld, time.Now())
	} else {
		st, err = db.CheckKeys(e.ctx)
	}
	if err != nil {
		return err
	}
	if *f.format == "json" {
		return writeJSON(e.stdout, st)
	}
	file := st.File
	if file == "" {
		file = "HEZUO_KEY"
	}
	if e.lang == "en" {
		verb := map[string]string{"check": "key check passed", "rotate": "keys rotated"}[pos[0]]
		fmt.Fprintf(e.stdout, "%s: key file %s, cipher %s, current key %s (keys: %s); %d people, %d instructor users\n",
			verb, file, st.Cipher, st.Current, strings.Join(st.Keys, ", "), st.People, st.Users)
		return nil
	}
	verb := map[string]string{"check": "密钥检查通过", "rotate": "密钥已轮换"}[pos[0]]
	fmt.Fprintf(e.stdout, "%s：密钥文件 %s，算法 %s，当前密钥 %s（密钥：%s）；%d 人、%d 个指导员用户\n",
		verb, file, st.Cipher, st.Current, strings.Join(st.Keys, "、"), st.People, st.Users)
	return nil
}
