package xlsx

import (
	"fmt"
	"slices"
	"strings"

	"hezuo"
)

// loansKind is the party members' loans: the key is 贷款编号. A row creates
// or updates the loan and adds the guarantees it lists (an import never
// removes a guarantee).
var loansKind = addKind(80, kindOf(&Schema{Kind: "loans", Sheet: "党员农贷", ZH: "党员农贷", EN: "loan", KeyZH: "贷款编号",
	TitleZH: "党员农贷", TitleEN: "Loans", platform: true,
	Columns: []Column{
		{Key: "no", ZH: "贷款编号", Type: TKey, Required: true, Text: true, Example: "DK-2021-001", NoteZH: "每笔贷款唯一的编号", NoteEN: "the loan's unique number"},
		{Key: "borrower", ZH: "借款人身份证号", Aliases: []string{"借款党员身份证号"}, Type: TID, Text: true, Example: "22242419800101022X",
			NoteZH: "借款党员的身份证号；党组织申请时留空", NoteEN: "the borrowing party member; empty when a party organization applies"},
		{Key: "party_org", ZH: "申请党组织", Aliases: []string{"党组织编号"}, Type: TKey, Text: true,
			NoteZH: "以党组织名义申请时填党组织编号（与借款人二选一）", NoteEN: "the applying party organization's number (instead of a borrower)"},
		{Key: "org_id", ZH: "组织编号", Type: TKey, Text: true, Example: "WQ-HZS-001", NoteZH: "贷款服务的合作组织（党组织申请时必填）", NoteEN: "the org the loan serves"},
		{Key: "purpose", ZH: "用途", Type: TText, Required: true, Example: "扩大黑木耳种植", NoteZH: "贷款用途", NoteEN: "purpose"},
		{Key: "for_cooperative", ZH: "是否用于合作组织发展", Type: TBool, Choices: []string{"是", "否"}, Example: "是",
			NoteZH: "是/否；选“是”须填组织编号", NoteEN: "yes/no; yes needs the org"},
		{Key: "lender", ZH: "贷款机构", Type: TText, Example: "农村信用社", NoteZH: "已发放的贷款必填", NoteEN: "the lender (required once disbursed)"},
		{Key: "amount", ZH: "金额(元)", Aliases: []string{"贷款金额"}, Type: TText, Required: true, Example: "50000", NoteZH: "以元为单位，最多两位小数", NoteEN: "yuan, at most two decimals"},
		{Key: "rate", ZH: "年利率(%)", Type: TText, Required: true, Example: "4.35", NoteZH: "百分数，如 4.35", NoteEN: "percent, e.g. 4.35"},
		{Key: "term_months", ZH: "期限(月)", Type: TInt, Required: true, Example: "12", NoteZH: "贷款期限，月数", NoteEN: "term in months"},
		{Key: "applied_on", ZH: "申请日期", Type: TDate, Required: true, Example: "2021-03-01", NoteZH: "申请日期", NoteEN: "applied on"},
		{Key: "approved_on", ZH: "审批日期", Type: TDate, Example: "2021-03-10", NoteZH: "获批日期；未批留空", NoteEN: "approved on"},
		{Key: "rejected_on", ZH: "拒绝日期", Type: TDate, NoteZH: "未获批准的日期", NoteEN: "rejected on"},
		{Key: "disbursed_on", ZH: "发放日期", Type: TDate, Example: "2021-03-15", NoteZH: "发放日期；未发放留空", NoteEN: "disbursed on"},
		{Key: "due_on", ZH: "到期日期", Type: TDate, NoteZH: "可选；留空为发放日期加期限", NoteEN: "optional; default disbursement plus term"},
		{Key: "households_driven", ZH: "带动农户数", Type: TInt, NoteZH: "所扶持项目带动的农户数", NoteEN: "households the project drives"},
		{Key: "guarantors", ZH: "担保人身份证号", Type: TList, Text: true, NoteZH: "公职人员担保人的身份证号，多个用 ; 或 、 分隔（须已登记为担保人）",
			NoteEN: "the public-servant guarantors' ID numbers, separated by ; (registered guarantors)"},
		{Key: "note", ZH: "备注", Type: TText, NoteZH: "可选", NoteEN: "optional"},
	},
}, spec[loanRow]{
	read:  readLoan,
	dups:  []dupKey[loanRow]{{"no", "与第 %d 行重复（同一贷款编号）", "same loan number as row %d", func(r loanRow) string { return r.loan.No }}},
	probe: probeLoan,
	refs: func(r loanRow) []colRef {
		refs := refsTo("no", RefLoan, r.loan.No, "org_id", RefOrg, r.loan.OrgNo, "party_org", RefPartyOrg, r.loan.PartyOrg)
		if r.loan.OrgNo == "" {
			refs = append(refs, colRef{"borrower", Ref{RefPerson, r.loan.Borrower}})
		}
		return refs
	},
	plan:   planLoans,
	export: exportLoans,
}))

// loanRow is a loan's row: the loan and its guarantors' ID numbers.
type loanRow struct {
	loan       hezuo.Loan
	guarantors []string
}

func readLoan(r *rowCtx) (loanRow, bool) {
	l := hezuo.Loan{No: Key(r.raw("no")), PartyOrg: Key(r.raw("party_org")), OrgNo: Key(r.raw("org_id")),
		Purpose: r.text("purpose"), Lender: r.text("lender"), Note: r.text("note")}
	r.need("no", l.No)
	if r.code("borrower") != "" {
		l.Borrower = r.idNumber("borrower")
	}
	l.ForCooperative = r.boolean("for_cooperative")
	l.AmountFen = r.amountFen("amount")
	rate, ok := decimal(r.raw("rate"), 4)
	if !ok || rate > 360000 {
		r.fail("rate", fmt.Sprintf("年利率 %q 应为 0 到 36 之间的百分数（最多四位小数）", r.text("rate")),
			fmt.Sprintf("rate %q must be a percentage between 0 and 36 (at most four decimals)", r.text("rate")))
	}
	l.RatePPM = int(rate)
	l.TermMonths = r.integer("term_months")
	l.AppliedOn = r.date("applied_on", true)
	l.ApprovedOn, l.RejectedOn = r.date("approved_on", false), r.date("rejected_on", false)
	l.DisbursedOn, l.DueOn = r.date("disbursed_on", false), r.date("due_on", false)
	l.HouseholdsDriven = r.integer("households_driven")
	var gs []string
	for _, g := range SplitList(r.raw("guarantors")) {
		if g = strings.ToUpper(g); !slices.Contains(gs, g) {
			gs = append(gs, g)
		}
	}
	if r.bad {
		return loanRow{}, false
	}
	if l.Borrower != "" {
		if _, _, _, err := hezuo.ParseIDNumber(l.Borrower, r.b.today); err != nil {
			r.domain(err, map[string]string{"": "borrower", "id_number": "borrower"})
			return loanRow{}, false
		}
	}
	if !r.domain(l.Validate(), map[string]string{"amount_fen": "amount", "rate_ppm": "rate"}) {
		return loanRow{}, false
	}
	return loanRow{loan: l, guarantors: gs}, true
}

func probeLoan(ds *hezuo.Dataset, r loanRow) {
	if r.loan.Borrower != "" {
		ds.People = append(ds.People, hezuo.Person{IDNumber: r.loan.Borrower})
	}
	if r.loan.OrgNo != "" {
		ds.Orgs = append(ds.Orgs, hezuo.Org{OrgNo: r.loan.OrgNo})
	}
	if r.loan.PartyOrg != "" {
		ds.PartyOrgs = append(ds.PartyOrgs, hezuo.PartyOrg{No: r.loan.PartyOrg})
	}
}

func planLoans(b *Batch, have *hezuo.Dataset, rows []row[loanRow]) *Plan {
	orgs, pos := orgSet(have), partyOrgSet(have)
	guarantors := keysOf(have.Guarantors, func(g hezuo.Guarantor) string { return g.IDNumber })
	stored := keyed(have.Loans, func(l hezuo.Loan) string { return l.No })
	guaranteed := keysOf(have.Guarantees, func(g hezuo.Guarantee) string { return g.LoanNo + "|" + g.IDNumber })
	p := &Plan{Write: &hezuo.Dataset{}}
	for _, r := range rows {
		row, l, n := r.rec, r.rec.loan, len(b.Problems)
		fail := func(key, zh, en string) { b.fail(r.num, key, zh, en) }
		if l.OrgNo != "" && !orgs[l.OrgNo] {
			fail("org_id", "未知的组织编号 "+l.OrgNo+"（请先导入合作组织）", "unknown org_id "+l.OrgNo+" (import the orgs first)")
		}
		if l.PartyOrg != "" && !pos[l.PartyOrg] {
			fail("party_org", "未知的党组织编号 "+l.PartyOrg, "unknown party organization "+l.PartyOrg)
		}
		if l.Borrower != "" && !partyMemberOn(have, l.Borrower, l.AppliedOn) {
			fail("borrower", "借款人在申请日期不是党员（正式或预备）", "the borrower was not a party member on the application date")
		}
		for _, g := range row.guarantors {
			if !guarantors[g] {
				fail("guarantors", "担保人 "+hezuo.MaskIDNumber(g)+" 不是登记的公职人员担保人", "guarantor "+hezuo.MaskIDNumber(g)+" is not a registered public-servant guarantor")
			}
		}
		if len(b.Problems) > n {
			continue
		}
		old, exists := stored[l.No]
		keep(b, "due_on", &l.DueOn, old.DueOn)
		changed := exists && !sameLoan(old, l)
		if !exists || changed {
			p.Write.Loans = append(p.Write.Loans, l)
		}
		added := false
		for _, g := range row.guarantors {
			if !guaranteed[l.No+"|"+g] {
				p.Write.Guarantees = append(p.Write.Guarantees, hezuo.Guarantee{LoanNo: l.No, IDNumber: g})
				added = true
			}
		}
		p.count(!exists, changed || (exists && added))
	}
	return p
}

// sameLoan compares a stored loan with a row's, the due day as derived.
func sameLoan(a, b hezuo.Loan) bool {
	ad, bd := a.Due(), b.Due()
	a.DueOn, b.DueOn = hezuo.Date{}, hezuo.Date{}
	return a == b && ad.Equal(bd)
}

func exportLoans(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	gs := map[string][]string{}
	for _, g := range ds.Guarantees {
		gs[g.LoanNo] = append(gs[g.LoanNo], g.IDNumber)
	}
	yn := map[bool]string{true: "是", false: "否"}
	return table(ds.Loans, func(l hezuo.Loan) []any {
		return []any{l.No, l.Borrower, l.PartyOrg, l.OrgNo, l.Purpose, yn[l.ForCooperative], l.Lender,
			yuanText(l.AmountFen), strings.TrimSuffix(hezuo.Percent(l.RatePPM), "%"), l.TermMonths, l.AppliedOn,
			l.ApprovedOn, l.RejectedOn, l.DisbursedOn, l.DueOn, l.HouseholdsDriven, strings.Join(gs[l.No], ";"), l.Note}
	})
}
