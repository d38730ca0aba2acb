package main

import (
	"fmt"
	"time"

	"hezuo"
	"hezuo/demo"
	"hezuo/sqldb"
)

var _ demo.GenSink = (*sqldb.Bulk)(nil)

var cmdGen = &command{
	name:  "gen",
	usage: "gen --scale county|province|nation [--seed N] [--db DSN]",
	short: "生成大规模模拟数据 / synthetic data at scale",
	long:  "生成确定性的模拟数据（县约 200 个组织/3 万成员；省约 10 万/300 万；全国约 220 万/6000 万），写入空数据库 / deterministic synthetic data into an empty database",
	flags: []flagGroup{dbFlags},
	setup: runGen,
}

func runGen(f *flags) action {
	scale := f.String("scale", "county", "规模 county|province|nation / scale")
	seed := f.Uint64("seed", 1, "随机种子 / seed")
	return func(e *env, _ []string) error {
		sc, ok := demo.Scales[*scale]
		if !ok {
			return usagef("--scale 应为 county、province 或 nation / --scale must be county, province or nation")
		}
		return f.withDB(e, func(db *sqldb.DB) error { return generate(e, db, sc, *seed) })
	}
}

// generate runs `hezuo gen` on the database.
func generate(e *env, db *sqldb.DB, sc demo.Scale, seed uint64) error {
	start := time.Now()
	bulk, err := db.NewBulk(e.ctx)
	if err != nil {
		return err
	}
	if err := demo.Generate(sc, seed, bulk); err != nil {
		bulk.Abort()
		return err
	}
	if err := bulk.Close(); err != nil {
		return err
	}
	if err := db.SetMeta(e.ctx, "gen", fmt.Sprintf("%s/%d", sc.Name, seed)); err != nil {
		return err
	}
	s, err := db.Stats(e.ctx, hezuo.AllScope, demo.GenEnd)
	if err != nil {
		return err
	}
	if e.lang == "en" {
		fmt.Fprintf(e.stdout, "generated %s (seed %d) in %s: %d orgs, %d memberships active on %s\n", sc.Name, seed,
			time.Since(start).Round(time.Millisecond), s.Orgs.Total, s.AllMembers, demo.GenEnd)
	} else {
		fmt.Fprintf(e.stdout, "已生成 %s 规模数据（种子 %d），用时 %s：%d 个组织，%s 在册成员 %d 人次\n", sc.Name, seed,
			time.Since(start).Round(time.Millisecond), s.Orgs.Total, demo.GenEnd, s.AllMembers)
	}
	return nil
}
