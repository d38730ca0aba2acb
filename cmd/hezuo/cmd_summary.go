package main

import (
	"fmt"
	"time"

	"hezuo/sqldb"
)

var cmdSummary = &command{
	name:  "summary",
	usage: "summary rebuild [--db DSN]",
	short: "重建汇总表 / rebuild the summaries behind stats and check",
	long:  "从登记记录重建统计汇总表（组织分段与市、省、全国汇总）/ recompute the summaries (org segments; prefecture, province and nation roll-ups) from the records",
	flags: []flagGroup{dbFlags},
	args:  1,
	setup: runSummary,
}

// runSummary runs `hezuo summary rebuild`: the summaries (org segments and
// area roll-ups) recomputed from the records. Needed once for a database
// created before the summaries existed, or whose rule settings changed, when
// it is too large to be rebuilt on the spot; until then stats and check are
// computed directly from the records (correct, slower).
func runSummary(f *flags) action {
	return func(e *env, pos []string) error {
		if pos[0] != "rebuild" {
			return f.cmd.usageErr()
		}
		return f.withDB(e, func(db *sqldb.DB) error {
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
		})
	}
}
