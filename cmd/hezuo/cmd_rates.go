package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"hezuo"
	"hezuo/sqldb"
)

var cmdRates = &command{
	name:  "rates",
	usage: "rates [list|add] [--db DSN] [--format json|text]\n       rates add --from DATE --rate PCT --kind benchmark|lpr --source TEXT [--db DSN]",
	short: "贴息参考利率表：list 列表、add 增改一行 / the reference lending rates of interest subsidies: list, add a row",
	long: "list：按生效日期列出贴息所用的一年期贷款基准利率和LPR；add：增加一行（同一生效日期则替换），记入审计日志\n" +
		"list: the 1-year benchmark lending rates and LPRs the interest subsidy uses, by the day each came into force; add: add a row (replacing that of the same day), audited",
	flags: []flagGroup{dbFlags, formatFlags},
	args:  anyArgs,
	setup: runRates,
}

func runRates(f *flags) action {
	from := f.String("from", "", "生效日期 YYYY-MM-DD / the day the rate came into force")
	rate := f.String("rate", "", "年利率（%），如 3.00 / annual rate in percent, e.g. 3.00")
	kind := f.String("kind", hezuo.RateLPR, "种类 benchmark（贷款基准利率）| lpr / kind")
	source := f.String("source", "", "来源（人民银行或全国银行间同业拆借中心的公告，至多 200 字）/ source (the PBoC or NIFC announcement, at most 200 characters)")
	return func(e *env, pos []string) error {
		what, err := verb(pos, "list", "add")
		if err != nil {
			return err
		}
		if what == "list" {
			return f.withDB(e, func(db *sqldb.DB) error { return listRates(e, f, db) })
		}
		if *from == "" || *rate == "" || *source == "" {
			return usagef("add 需要 --from、--rate 和 --source / add needs --from, --rate and --source")
		}
		row := hezuo.LendingRate{Kind: *kind, Source: *source}
		if row.EffectiveFrom, err = hezuo.ParseDate(*from); err != nil {
			return hezuo.Invalid("参考利率", "from", "生效日期应为 YYYY-MM-DD", "the effective date must be YYYY-MM-DD")
		}
		ppm, ok := hezuo.ParsePercent(*rate)
		if !ok {
			return hezuo.Invalid("参考利率", "rate", "年利率应为百分数，如 3.00", "the rate is a percentage, e.g. 3.00")
		}
		row.RatePPM = ppm
		return f.withDB(e, func(db *sqldb.DB) error { return addRate(e, db, row) })
	}
}

// addRate runs `hezuo rates add`.
func addRate(e *env, db *sqldb.DB, row hezuo.LendingRate) error {
	now := time.Now() // the command's one reading of the clock
	if err := db.SetLendingRate(e.ctx, hezuo.System, row, hezuo.DateAt(now, hezuo.China), now); err != nil {
		return err
	}
	if e.lang == "en" {
		fmt.Fprintf(e.stdout, "reference rate from %s: %s %s\n", row.EffectiveFrom, row.Kind, hezuo.Percent(row.RatePPM))
	} else {
		fmt.Fprintf(e.stdout, "参考利率：自 %s 起%s %s\n", row.EffectiveFrom, hezuo.RateKindNames[row.Kind], hezuo.Percent(row.RatePPM))
	}
	return nil
}

// listRates runs `hezuo rates list`.
func listRates(e *env, f *flags, db *sqldb.DB) error {
	rows, err := db.LendingRates(e.ctx)
	if err != nil {
		return err
	}
	if f.asJSON() {
		out := []hezuo.LendingRate(rows)
		if out == nil {
			out = []hezuo.LendingRate{}
		}
		return writeJSON(e.stdout, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	if e.lang == "en" {
		fmt.Fprintln(tw, "in force from\tkind\trate\tsource")
	} else {
		fmt.Fprintln(tw, "生效日期\t种类\t年利率\t来源")
	}
	for _, r := range rows {
		k := hezuo.RateKindNames[r.Kind]
		if e.lang == "en" {
			k = r.Kind
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.EffectiveFrom, k, hezuo.Percent(r.RatePPM), r.Source)
	}
	return tw.Flush()
}
