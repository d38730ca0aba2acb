package main

import (
	"fmt"
	"strings"
	"time"

	"hezuo/sqldb"
)

var cmdKey = &command{
	name:  "key",
	usage: "key check|rotate [--db DSN] [--key-file FILE] [--cipher aes|sm4] [--drop-old] [--format json|text]",
	short: "个人信息加密密钥（check、rotate）/ the key sealing ID numbers and phones",
	long: "check：验证密钥能解密全部身份证号和电话、哈希一致；rotate：生成新密钥，在一个事务中重新加密全部数据并重算哈希，再原子地写回密钥文件（旧密钥保留，--drop-old 时删除）。轮换前请停止网页服务。\n" +
		"check: verify that the key opens every ID number and phone and that the keyed hashes match; rotate: make a new key, re-seal and re-hash everything in one transaction, then rewrite the key file atomically (old keys kept unless --drop-old). Stop the web server before rotating.",
	flags: []flagGroup{dbFlags, keyFileFlags, formatFlags},
	args:  1,
	setup: runKey,
}

// runKey runs `hezuo key check` (every sealed value opens and every keyed
// hash matches) and `hezuo key rotate` (a new key; everything re-sealed and
// re-hashed in one transaction; the key file rewritten atomically).
func runKey(f *flags) action {
	dropOld := f.Bool("drop-old", false, "rotate：轮换成功后从密钥文件删除旧密钥 / rotate: remove the old keys from the key file once the rotation committed")
	return func(e *env, pos []string) error {
		if pos[0] != "check" && pos[0] != "rotate" {
			return f.cmd.usageErr()
		}
		if pos[0] == "check" && *dropOld {
			return usagef("--drop-old 只用于 rotate / --drop-old goes with rotate only")
		}
		return f.withDB(e, func(db *sqldb.DB) error { return keys(e, f, db, pos[0], *dropOld) })
	}
}

// keys checks or rotates the keys of db.
func keys(e *env, f *flags, db *sqldb.DB, what string, dropOld bool) error {
	var (
		st  *sqldb.KeyStatus
		err error
	)
	if what == "rotate" {
		st, err = db.RotateKeys(e.ctx, *f.cipher, dropOld, time.Now())
	} else {
		st, err = db.CheckKeys(e.ctx)
	}
	if err != nil {
		return err
	}
	if f.asJSON() {
		return writeJSON(e.stdout, st)
	}
	file := st.File
	if file == "" {
		file = "HEZUO_KEY"
	}
	if e.lang == "en" {
		done := map[string]string{"check": "key check passed", "rotate": "keys rotated"}[what]
		fmt.Fprintf(e.stdout, "%s: key file %s, cipher %s, current key %s (keys: %s); %d people, %d instructor users\n",
			done, file, st.Cipher, st.Current, strings.Join(st.Keys, ", "), st.People, st.Users)
		return nil
	}
	done := map[string]string{"check": "密钥检查通过", "rotate": "密钥已轮换"}[what]
	fmt.Fprintf(e.stdout, "%s：密钥文件 %s，算法 %s，当前密钥 %s（密钥：%s）；%d 人、%d 个指导员用户\n",
		done, file, st.Cipher, st.Current, strings.Join(st.Keys, "、"), st.People, st.Users)
	return nil
}
