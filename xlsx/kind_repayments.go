package xlsx

import (
	"fmt"

	"hezuo"
)

func init() {
	addSchema(&Schema{Kind: "repayments", Sheet: "还款", ZH: "贷款还款", EN: "repayment", KeyZH: "贷款编号 + 还款日期",
		Columns: []Column{
			{Key: "loan", ZH: "贷款编号", Type: TKey, Required: true, Text: true, Example: "DK-2021-001", NoteZH: "所还贷款的编号（须已导入且已发放）", NoteEN: "the loan (imported and disbursed)"},
			{Key: "paid_on", ZH: "还款日期", Type: TDate, Required: true, Example: "2022-03-15", NoteZH: "还款日期，不早于发放日期、不晚于今天", NoteEN: "paid on: not before disbursement nor after today"},
			{Key: "principal", ZH: "金额(元)", Aliases: []string{"还款金额", "还款本金", "本金"}, Type: TText, Required: true, Example: "50000",
				NoteZH: "归还的本金，以元为单位，最多两位小数", NoteEN: "principal repaid, yuan, at most two decimals"},
			{Key: "interest", ZH: "利息(元)", Aliases: []string{"还款利息"}, Type: TText, Example: "2175", NoteZH: "可选；同时支付的利息", NoteEN: "optional; interest paid"},
		},
		rows:   func() kindRows { return &repaymentRows{seen: map[string]int{}} },
		export: exportRepayments,
	})
}

type repaymentRow struct {
	num int
	r   hezuo.Repayment
}

// repaymentRows converts rows of repayments: the key is 贷款编号 + 还款日期;
// a known key updates the amounts.
type repaymentRows struct {
	rows []repaymentRow
	seen map[string]int
}

func (rr *repaymentRows) platforms() {}

func (rr *repaymentRows) add(r *rowCtx) {
	x := hezuo.Repayment{LoanNo: Key(r.raw("loan")), PaidOn: r.date("paid_on", true), PrincipalFen: r.amountFen("principal"),
		InterestFen: r.amountFen("interest")}
	r.need("loan", x.LoanNo)
	if r.bad {
		return
	}
	if x.PrincipalFen+x.InterestFen == 0 {
		r.fail("principal", "还款本金和利息不能都为零", "principal and interest cannot both be zero")
		return
	}
	if x.PaidOn.After(r.b.today) {
		r.fail("paid_on", fmt.Sprintf("还款日期 %s 晚于今天 %s，尚未发生", x.PaidOn, r.b.today), fmt.Sprintf("paid on %s, after today (%s)", x.PaidOn, r.b.today))
		return
	}
	if !r.bounded(&x, map[string]string{"principal_fen": "principal", "interest_fen": "interest"}) {
		return
	}
	k := x.LoanNo + "|" + x.PaidOn.String()
	if first, dup := rr.seen[k]; dup {
		r.fail("paid_on", fmt.Sprintf("与第 %d 行重复（同一贷款同一还款日期）", first), fmt.Sprintf("same loan and day as row %d", first))
		return
	}
	rr.seen[k] = r.num
	rr.rows = append(rr.rows, repaymentRow{num: r.num, r: x})
}

func (rr *repaymentRows) finish(*Batch) {}

func (rr *repaymentRows) probe() *hezuo.Dataset { return &hezuo.Dataset{} }

func (rr *repaymentRows) plan(b *Batch, have *hezuo.Dataset) *Plan {
	loans := map[string]hezuo.Loan{}
	for _, l := range have.Loans {
		loans[l.No] = l
	}
	stored, repaid := map[string]hezuo.Repayment{}, map[string]int64{}
	for _, x := range have.Repayments {
		stored[x.LoanNo+"|"+x.PaidOn.String()] = x
		repaid[x.LoanNo] += x.PrincipalFen
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	last := map[string]int{} // loan → the last row repaying it
	for _, row := range rr.rows {
		x, n := row.r, len(b.Problems)
		l, ok := loans[x.LoanNo]
		switch {
		case !ok:
			b.fail(row.num, "loan", "未知的贷款编号 "+x.LoanNo+"（请先导入贷款）", "unknown loan "+x.LoanNo+" (import the loans first)")
		case l.DisbursedOn.IsZero():
			b.fail(row.num, "paid_on", "贷款 "+x.LoanNo+" 尚未发放，不能登记还款", "loan "+x.LoanNo+" has not been disbursed: no repayment can be recorded")
		case x.PaidOn.Before(l.DisbursedOn):
			b.fail(row.num, "paid_on", fmt.Sprintf("还款日期 %s 早于贷款发放日期 %s", x.PaidOn, l.DisbursedOn),
				fmt.Sprintf("paid on %s, before the loan was disbursed on %s", x.PaidOn, l.DisbursedOn))
		}
		if len(b.Problems) > n {
			continue
		}
		k := x.LoanNo + "|" + x.PaidOn.String()
		old, exists := stored[k]
		repaid[x.LoanNo] += x.PrincipalFen - old.PrincipalFen
		last[x.LoanNo] = row.num
		changed := exists && old != x
		if !exists || changed {
			p.Write.Repayments = append(p.Write.Repayments, x)
		}
		p.count(!exists, changed)
	}
	for no, num := range last {
		if l := loans[no]; repaid[no] > l.AmountFen {
			b.fail(num, "principal", fmt.Sprintf("贷款 %s 已还本金合计 %s 元，超过贷款金额 %s 元", no, hezuo.Yuan(repaid[no]), hezuo.Yuan(l.AmountFen)),
				fmt.Sprintf("loan %s: principal repaid in all (%s yuan) exceeds the loan (%s yuan)", no, hezuo.Yuan(repaid[no]), hezuo.Yuan(l.AmountFen)))
		}
	}
	return p
}

func exportRepayments(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	out := make([][]any, 0, len(ds.Repayments))
	for _, x := range ds.Repayments {
		out = append(out, []any{x.LoanNo, x.PaidOn, yuanText(x.PrincipalFen), yuanText(x.InterestFen)})
	}
	return out
}
