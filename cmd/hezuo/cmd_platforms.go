package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"hezuo"
	"hezuo/rules"
	"hezuo/sqldb"
)

var cmdOverdue = &command{
	name:  "overdue",
	usage: "overdue [--db DSN] [--scope CODE] [--as-of DATE] [--format json|text]",
	short: "逾期未落实的制度（会议、走访、承诺）/ institutions overdue per org and township",
	long:  "按乡镇和党组织列出逾期未召开的会议、未走访的联系户和未作出或未评议的党员承诺 / meetings not held, households not visited and commitments not made or assessed, per township and party organization",
	flags: []flagGroup{dbFlags, scopeFlags, dayFlags, formatFlags},
	setup: runOverdue,
}

func runOverdue(f *flags) action {
	return f.onDB(func(e *env, db *sqldb.DB, _ []string) error {
		list, err := db.Overdue(e.ctx, f.scope, f.day)
		if err != nil {
			return err
		}
		views := make([]rules.OverdueView, len(list))
		for i, o := range list {
			views[i] = o.View(e.lang)
		}
		if f.asJSON() {
			return writeJSON(e.stdout, views)
		}
		life, err := db.LifeSummary(e.ctx, f.scope, f.day)
		if err != nil {
			return err
		}
		if e.lang == "en" {
			fmt.Fprintf(e.stdout, "From %s to %s: %d meetings, %d attendances by %d people, %d of them in dual organizational life\n",
				life.From, life.To, life.Meetings, life.Attendances, life.People, life.DualAttendances)
		} else {
			fmt.Fprintf(e.stdout, "%s 至 %s：召开会议 %d 次，参会 %d 人次（%d 人），其中双重组织生活 %d 人次\n",
				life.From, life.To, life.Meetings, life.Attendances, life.People, life.DualAttendances)
		}
		printOverdue(e.stdout, views, f.scope, f.day, e.lang)
		return nil
	})
}

func printOverdue(w io.Writer, views []rules.OverdueView, scope hezuo.Scope, day hezuo.Date, lang string) {
	perTown := map[string]int{}
	for _, v := range views {
		perTown[v.Township]++
	}
	if lang == "en" {
		fmt.Fprintf(w, "As of %s, scope %s: %d institutions overdue\n", day, scope, len(views))
	} else {
		fmt.Fprintf(w, "截止 %s，范围 %s：逾期未落实的制度 %d 项\n", day, scope, len(views))
	}
	town, po := "", ""
	for _, v := range views {
		if v.Township != town {
			town, po = v.Township, ""
			if lang == "en" {
				fmt.Fprintf(w, "\n%s (%s): %d\n", v.TownName, v.Township, perTown[town])
			} else {
				fmt.Fprintf(w, "\n%s（%s）：%d 项\n", v.TownName, v.Township, perTown[town])
			}
		}
		if v.PartyOrg != po {
			po = v.PartyOrg
			fmt.Fprintf(w, "  %s %s %v\n", v.PartyOrg, v.Name, v.Orgs)
		}
		sep := "："
		if lang == "en" {
			sep = ": "
		}
		fmt.Fprintf(w, "    · %s%s%s\n", v.KindName, sep, v.Reason)
	}
}

var cmdLoans = &command{
	name:  "loans",
	usage: "loans [list|subsidy|queue] [--db DSN] [--scope CODE] [--as-of DATE] [--year YYYY] [--format json|text]",
	short: "党员农贷：list 列表、subsidy 贴息、queue 三个优先排队 / party-member loans, subsidies, priority queue",
	long: "list：贷款及其状态；subsidy：某年度的贴息（按实付利息计算）；queue：待审批申请按“三个优先”排序\n" +
		"list: loans and their status; subsidy: a year's interest subsidies (on interest paid); queue: waiting applications ordered by the three priorities",
	flags: []flagGroup{dbFlags, scopeFlags, dayFlags, formatFlags},
	args:  anyArgs,
	setup: runLoans,
}

func runLoans(f *flags) action {
	year := f.Int("year", 0, "贴息年度（默认截止日期所在年度）/ subsidy year (default: the as-of day's year)")
	return func(e *env, pos []string) error {
		what, err := verb(pos, "list", "subsidy", "queue")
		if err != nil {
			return err
		}
		if *year == 0 {
			*year = f.day.Year()
		}
		return f.withDB(e, func(db *sqldb.DB) error {
			switch what {
			case "subsidy":
				return loanSubsidies(e, f, db, *year)
			case "queue":
				q, err := db.LoanQueue(e.ctx, f.scope, f.day)
				if err != nil {
					return err
				}
				return printQueue(e, *f.format, q, f.day)
			}
			return listLoans(e, f, db)
		})
	}
}

func loanSubsidies(e *env, f *flags, db *sqldb.DB, year int) error {
	subs, err := db.LoanSubsidies(e.ctx, f.scope, year, f.day)
	if err != nil {
		return err
	}
	st, err := db.Settings(e.ctx)
	if err != nil {
		return err
	}
	return printSubsidies(e, *f.format, subs, year, f.day, st.DayBasis())
}

// listLoans runs `hezuo loans list`.
func listLoans(e *env, f *flags, db *sqldb.DB) error {
	items, err := db.Loans(e.ctx, f.scope, f.day)
	if err != nil {
		return err
	}
	for i := range items {
		if items[i].Borrower != "" {
			items[i].Borrower = hezuo.MaskIDNumber(items[i].Borrower)
		}
	}
	if f.asJSON() {
		return writeJSON(e.stdout, items)
	}
	st, err := db.Settings(e.ctx)
	if err != nil {
		return err
	}
	printLoans(e.stdout, items, f.day, e.lang)
	var dues int64
	for _, it := range items {
		dues += it.FeeFromDuesFen
	}
	if r, ok := st.DuesSubsidyWarning(dues); ok {
		fmt.Fprintf(e.stdout, "! %s\n", r.Text(e.lang))
	}
	return nil
}

func printLoans(w io.Writer, items []hezuo.LoanItem, day hezuo.Date, lang string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if lang == "en" {
		fmt.Fprintln(tw, "loan\tstatus\tapplicant\torg\tamount (yuan)\trate\tdisbursed\tdue\toutstanding\tguarantors\tfee subsidy")
	} else {
		fmt.Fprintln(tw, "贷款编号\t状态\t申请人\t组织\t金额（元）\t年利率\t发放日期\t到期日\t未还本金（元）\t担保人\t党费补贴（元）")
	}
	var disbursed, coop, outstanding int64
	n, overdue := 0, 0
	for _, it := range items {
		status := hezuo.LoanStatusNames[it.Status]
		if lang == "en" {
			status = it.Status
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", it.No, status, it.ApplicantName, it.OrgName,
			hezuo.Yuan(it.AmountFen), hezuo.Percent(it.RatePPM), it.DisbursedOn, it.DueOn, hezuo.Yuan(it.OutstandingFen),
			it.Guarantors, hezuo.Yuan(it.FeeSubsidyFen))
		if !it.DisbursedOn.IsZero() {
			n++
			disbursed += it.AmountFen
			outstanding += it.OutstandingFen
			if it.ForCooperative {
				coop += it.AmountFen
			}
		}
		if it.Status == hezuo.LoanOverdue {
			overdue++
		}
	}
	tw.Flush()
	if lang == "en" {
		fmt.Fprintf(w, "%d loans as of %s; %d disbursed, %s yuan, %s of it for orgs' development; %s outstanding; %d overdue\n",
			len(items), day, n, hezuo.Yuan(disbursed), hezuo.Yuan(coop), hezuo.Yuan(outstanding), overdue)
		return
	}
	fmt.Fprintf(w, "截止 %s 共 %d 笔：已发放 %d 笔，合计 %s 元，其中用于合作组织发展 %s 元；未还本金 %s 元；逾期 %d 笔\n",
		day, len(items), n, hezuo.Yuan(disbursed), hezuo.Yuan(coop), hezuo.Yuan(outstanding), overdue)
}

// maskKey masks an ID number, leaving a party organization's number.
func maskKey(s string) string {
	if len(s) == 18 {
		return hezuo.MaskIDNumber(s)
	}
	return s
}

func printSubsidies(e *env, format string, subs []rules.Subsidy, year int, day hezuo.Date, basis int) error {
	var total, cut int64
	views := make([]rules.SubsidyView, len(subs))
	for i, s := range subs {
		s.Borrower = maskKey(s.Borrower)
		views[i] = s.View(e.lang)
		total += s.SubsidyFen
		cut += s.CutFen
	}
	if format == "json" {
		return writeJSON(e.stdout, struct {
			Year     int                 `json:"year"`
			AsOf     string              `json:"as_of"`
			DayBasis int                 `json:"day_basis"`
			TotalFen int64               `json:"total_fen"`
			CutFen   int64               `json:"cut_fen"`
			Loans    []rules.SubsidyView `json:"loans"`
		}{year, day.String(), basis, total, cut, views})
	}
	w := e.stdout
	for _, v := range views {
		rate := hezuo.Percent(v.RatePPM)
		if v.RateUnknown {
			rate = map[bool]string{true: "unknown (no reference rate)", false: "未知（无参考利率）"}[e.lang == "en"]
		}
		if e.lang == "en" {
			fmt.Fprintf(w, "%s %s: rate %s, %d period(s), %s yuan before caps, %s cut, subsidy %s yuan\n", v.LoanNo, v.Borrower,
				rate, len(v.Periods), hezuo.Yuan(v.GrossFen), hezuo.Yuan(v.CutFen), hezuo.Yuan(v.SubsidyFen))
		} else {
			fmt.Fprintf(w, "%s 借款人 %s：贴息率 %s，计息期 %d 个，应贴 %s 元，核减 %s 元，贴息 %s 元\n", v.LoanNo, v.Borrower,
				rate, len(v.Periods), hezuo.Yuan(v.GrossFen), hezuo.Yuan(v.CutFen), hezuo.Yuan(v.SubsidyFen))
		}
		for _, r := range v.Reasons {
			fmt.Fprintf(w, "    · %s\n", r)
		}
	}
	if e.lang == "en" {
		fmt.Fprintf(w, "Interest subsidies of %d (interest paid up to %s, %d-day year): %d loans, %s yuan (%s yuan cut by the caps)\n",
			year, day, basis, len(views), hezuo.Yuan(total), hezuo.Yuan(cut))
	} else {
		fmt.Fprintf(w, "%d 年度贴息（按截止 %s 实付利息，一年按 %d 天计）：%d 笔，合计 %s 元（超上限核减 %s 元）\n",
			year, day, basis, len(views), hezuo.Yuan(total), hezuo.Yuan(cut))
	}
	return nil
}

func printQueue(e *env, format string, q []rules.Ranked, day hezuo.Date) error {
	views := make([]rules.RankedView, len(q))
	priority := 0
	for i, r := range q {
		views[i] = r.View(e.lang)
		if r.Priority {
			priority++
		}
	}
	if format == "json" {
		return writeJSON(e.stdout, views)
	}
	w := e.stdout
	if e.lang == "en" {
		fmt.Fprintf(w, "%d applications waiting on %s, %d of them priorities:\n", len(views), day, priority)
	} else {
		fmt.Fprintf(w, "截止 %s 待审批申请 %d 笔，其中列入“三个优先” %d 笔：\n", day, len(views), priority)
	}
	for _, v := range views {
		mark := "  "
		if v.Priority {
			mark = "★ "
		}
		fmt.Fprintf(w, "%3d. %s%s %s（%s）%s 元 %s\n", v.Rank, mark, v.LoanNo, v.Applicant, v.OrgName, hezuo.Yuan(v.AmountFen), v.AppliedOn)
		for _, r := range v.Reasons {
			fmt.Fprintf(w, "       %s\n", r)
		}
	}
	return nil
}
