package xlsx

import (
	"fmt"

	"hezuo"
)

// repaymentsKind is the loans' repayments: the key is 贷款编号 + 还款日期; a
// known key updates the amounts.
var repaymentsKind = addKind(90, kindOf(&Schema{Kind: "repayments", Sheet: "还款", ZH: "贷款还款", EN: "repayment", KeyZH: "贷款编号 + 还款日期",
	TitleZH: "贷款还款", TitleEN: "Loan repayments", platform: true,
	Columns: []Column{
		{Key: "loan", ZH: "贷款编号", Type: TKey, Required: true, Text: true, Example: "DK-2021-001", NoteZH: "所还贷款的编号（须已导入且已发放）", NoteEN: "the loan (imported and disbursed)"},
		{Key: "paid_on", ZH: "还款日期", Type: TDate, Required: true, Example: "2022-03-15", NoteZH: "还款日期，不早于发放日期、不晚于今天", NoteEN: "paid on: not before disbursement nor after today"},
		{Key: "principal", ZH: "金额(元)", Aliases: []string{"还款金额", "还款本金", "本金"}, Type: TText, Required: true, Example: "50000",
			NoteZH: "归还的本金，以元为单位，最多两位小数", NoteEN: "principal repaid, yuan, at most two decimals"},
		{Key: "interest", ZH: "利息(元)", Aliases: []string{"还款利息"}, Type: TText, Example: "2175", NoteZH: "可选；同时支付的利息", NoteEN: "optional; interest paid"},
	},
}, spec[hezuo.Repayment]{
	read: readRepayment,
	dups: []dupKey[hezuo.Repayment]{{"paid_on", "与第 %d 行重复（同一贷款同一还款日期）", "same loan and day as row %d", repaymentKey}},
	refs: func(x hezuo.Repayment) []colRef { return refsTo("loan", RefLoan, x.LoanNo) },
	plan: planRepayments,
	export: func(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
		return table(ds.Repayments, func(x hezuo.Repayment) []any {
			return []any{x.LoanNo, x.PaidOn, yuanText(x.PrincipalFen), yuanText(x.InterestFen)}
		})
	},
}))

func repaymentKey(x hezuo.Repayment) string { return x.LoanNo + "|" + x.PaidOn.String() }

func readRepayment(r *rowCtx) (hezuo.Repayment, bool) {
	x := hezuo.Repayment{LoanNo: Key(r.raw("loan")), PaidOn: r.date("paid_on", true), PrincipalFen: r.amountFen("principal"),
		InterestFen: r.amountFen("interest")}
	r.need("loan", x.LoanNo)
	if r.bad {
		return x, false
	}
	if x.PrincipalFen+x.InterestFen == 0 {
		r.fail("principal", "还款本金和利息不能都为零", "principal and interest cannot both be zero")
		return x, false
	}
	if r.future("paid_on", x.PaidOn, "还款日期 %s 晚于今天 %s，尚未发生", "paid on %s, after today (%s)") {
		return x, false
	}
	return x, r.bounded(&x, map[string]string{"principal_fen": "principal", "interest_fen": "interest"})
}

func planRepayments(b *Batch, have *hezuo.Dataset, rows []row[hezuo.Repayment]) *Plan {
	loans := keyed(have.Loans, func(l hezuo.Loan) string { return l.No })
	stored, repaid := keyed(have.Repayments, repaymentKey), map[string]int64{}
	for _, x := range have.Repayments {
		repaid[x.LoanNo] += x.PrincipalFen
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	last := map[string]int{} // loan → the last row repaying it
	for _, row := range rows {
		x, n := row.rec, len(b.Problems)
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
		old, exists := stored[repaymentKey(x)]
		repaid[x.LoanNo] += x.PrincipalFen - old.PrincipalFen
		last[x.LoanNo] = row.num
		put(p, &p.Write.Repayments, x, exists, exists && old != x)
	}
	for no, num := range last {
		if l := loans[no]; repaid[no] > l.AmountFen {
			b.fail(num, "principal", fmt.Sprintf("贷款 %s 已还本金合计 %s 元，超过贷款金额 %s 元", no, hezuo.Yuan(repaid[no]), hezuo.Yuan(l.AmountFen)),
				fmt.Sprintf("loan %s: principal repaid in all (%s yuan) exceeds the loan (%s yuan)", no, hezuo.Yuan(repaid[no]), hezuo.Yuan(l.AmountFen)))
		}
	}
	return p
}
