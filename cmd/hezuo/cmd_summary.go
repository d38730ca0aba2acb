package main

import (
	"fmt"
	"time"
)

func init() {
	register(85, command{name: "summary", summary: "重建汇总表 / rebuild the summaries behind stats and check", run: cmdSummary})
}

// cmdSummary runs `hezuo summary rebuild`: the summaries (org segments and
// area roll-ups) recomputed from the records. Needed once for a database
// created before the summaries existed, or whose rule settings changed, when
// it is too large to be rebuilt on the spot; until then stats and check are
// computed directly from the records (correct, slower).
func cmdSummary(e *env, args []string) error {
	f := newFlags(e, "summary rebuild [--db DSN]",
		"从登记记录重建统计汇总表（组织分段与市、省、全国汇总）/ recompute the summaries (org segments; prefecture, province and nation roll-ups) from the records", "db")
	pos, err := f.parse(e, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "rebuild" {
		return usagef("用法 / usage: hezuo summary rebuild [--db DSN]")
	}
	db, err := f.open(e)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	if err := db.RebuildSummaries(e.ctx); err != nil {
		return err
	}
	took := time.Since(start).Round(time.Millisecond)
	if e.lang == "en" {
		fmt.Fprintf(e.stdout, "summaries rebuilt in %s\n", took)
	} else {
		fmt.Fprintf(e.stdout, "汇总表已重建，用时 %s\n", took)
	}
	return nil
}
