package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"hezuo"
	"hezuo/rules"
)

// guarantorsKind is the public servants' guarantees: the key is 贷款编号 +
// 担保人身份证号. A row registers the public servant as a guarantor (and as
// a person, when new) and adds or updates the guarantee; the guarantor's
// total at any time is checked against the cap.
var guarantorsKind = addKind(100, kindOf(&Schema{Kind: "guarantors", Sheet: "公职人员担保", ZH: "公职人员担保", EN: "guarantee", KeyZH: "贷款编号 + 担保人身份证号",
	TitleZH: "公职人员担保", TitleEN: "Public-servant guarantees", platform: true, settings: true,
	Columns: []Column{
		{Key: "loan", ZH: "贷款编号", Type: TKey, Required: true, Text: true, Example: "DK-2021-001", NoteZH: "所担保贷款的编号（须已导入）", NoteEN: "the loan guaranteed (imported)"},
		{Key: "id_number", ZH: "担保人身份证号", Aliases: []string{"身份证号"}, Type: TID, Required: true, Text: true, Example: "222424197501010029",
			NoteZH: "担保的公职人员的身份证号", NoteEN: "the public servant's ID number"},
		{Key: "name", ZH: "姓名", Aliases: []string{"担保人姓名"}, Type: TText, Example: "李明", NoteZH: "担保人姓名；尚未登记的人员必填", NoteEN: "name; required for a person not yet registered"},
		{Key: "unit", ZH: "单位", Aliases: []string{"单位代码", "工作单位"}, Type: TKey, Text: true, Example: "U-NYJ",
			NoteZH: "担保人工作单位的代码（须已登记）；首次登记为担保人时必填", NoteEN: "the unit's code (registered); required the first time"},
		{Key: "post", ZH: "职务", Type: TText, Example: "科员", NoteZH: "可选", NoteEN: "optional; post"},
		{Key: "amount", ZH: "担保金额(元)", Aliases: []string{"担保金额"}, Type: TText, Example: "50000",
			NoteZH: "以元为单位；留空为贷款全额。同时担保合计不得超过每人上限", NoteEN: "yuan; empty: the whole loan. The total at any time may not exceed the cap"},
	},
}, spec[guaranteeRow]{
	read: readGuarantee,
	dups: []dupKey[guaranteeRow]{{"id_number", "与第 %d 行重复（同一贷款同一担保人）", "same loan and guarantor as row %d",
		func(r guaranteeRow) string { return r.g.LoanNo + "|" + r.g.IDNumber }}},
	probe: func(ds *hezuo.Dataset, r guaranteeRow) {
		ds.People = append(ds.People, hezuo.Person{IDNumber: r.g.IDNumber})
	},
	refs:   func(r guaranteeRow) []colRef { return refsTo("loan", RefLoan, r.g.LoanNo) },
	plan:   planGuarantees,
	export: exportGuarantees,
}))

// guaranteeRow is a guarantee's row: the guarantee and what it says of the
// guarantor.
type guaranteeRow struct {
	g         hezuo.Guarantee
	name      string
	unit      string
	post      string
	hasAmount bool
}

func readGuarantee(r *rowCtx) (guaranteeRow, bool) {
	row := guaranteeRow{g: hezuo.Guarantee{LoanNo: Key(r.raw("loan")), IDNumber: r.idNumber("id_number"),
		AmountFen: r.amountFen("amount")}, name: r.text("name"), unit: Key(r.raw("unit")), post: r.text("post"), hasAmount: r.text("amount") != ""}
	r.need("loan", row.g.LoanNo)
	if r.bad {
		return row, false
	}
	if _, _, _, err := hezuo.ParseIDNumber(row.g.IDNumber, r.b.today); err != nil {
		r.domain(err, map[string]string{"": "id_number"})
		return row, false
	}
	if row.hasAmount && row.g.AmountFen == 0 {
		r.fail("amount", "担保金额应大于零（留空为贷款全额）", "the amount must be positive (empty: the whole loan)")
		return row, false
	}
	return row, r.bounded(&row.g, map[string]string{"amount_fen": "amount"})
}

func planGuarantees(b *Batch, have *hezuo.Dataset, rows []row[guaranteeRow]) *Plan {
	loans := keyed(have.Loans, func(l hezuo.Loan) string { return l.No })
	people := keyed(have.People, func(p hezuo.Person) string { return p.IDNumber })
	guarantors := keyed(have.Guarantors, func(g hezuo.Guarantor) string { return g.IDNumber })
	units := unitSet(have)
	stored := map[string]map[string]int64{} // guarantor → loan → amount
	for _, g := range have.Guarantees {
		if stored[g.IDNumber] == nil {
			stored[g.IDNumber] = map[string]int64{}
		}
		stored[g.IDNumber][g.LoanNo] = g.AmountFen
	}
	p := &Plan{Write: &hezuo.Dataset{}}
	newPeople, newGuarantors := map[string]int{}, map[string]int{} // ID number → first row
	after := map[string]map[string]int64{}                         // guarantor → loan → amount once imported
	rowsOf := map[string][]row[guaranteeRow]{}
	for i, r := range rows {
		row, g, n := r.rec, r.rec.g, len(b.Problems)
		l, ok := loans[g.LoanNo]
		if !ok {
			b.fail(r.num, "loan", "未知的贷款编号 "+g.LoanNo+"（请先导入贷款）", "unknown loan "+g.LoanNo+" (import the loans first)")
		} else if g.AmountFen > l.AmountFen {
			b.fail(r.num, "amount", fmt.Sprintf("担保金额 %s 元超过贷款金额 %s 元", hezuo.Yuan(g.AmountFen), hezuo.Yuan(l.AmountFen)),
				fmt.Sprintf("the guarantee (%s yuan) exceeds the loan (%s yuan)", hezuo.Yuan(g.AmountFen), hezuo.Yuan(l.AmountFen)))
		}
		person, known := people[g.IDNumber]
		switch {
		case !known && row.name == "":
			b.fail(r.num, "name", "此人尚未登记，请填写担保人姓名", "the person is not registered yet: give the name")
		case known && row.name != "" && row.name != person.Name:
			b.fail(r.num, "name", "姓名与登记的“"+person.Name+"”不一致，请核对身份证号", "the name differs from the registered \""+person.Name+"\": check the ID number")
		}
		old, isGuarantor := guarantors[g.IDNumber]
		gu := hezuo.Guarantor{IDNumber: g.IDNumber, Unit: row.unit, Post: row.post}
		if isGuarantor {
			if gu.Unit == "" {
				gu.Unit = old.Unit
			}
			keep(b, "post", &gu.Post, old.Post)
		}
		switch {
		case gu.Unit == "":
			b.fail(r.num, "unit", "首次登记为担保人时应填写工作单位代码", "give the unit's code when registering a guarantor")
		case row.unit != "" && !units[row.unit]:
			b.fail(r.num, "unit", "未知的单位代码 "+row.unit, "unknown unit "+row.unit)
		}
		if first, ok := newGuarantors[g.IDNumber]; ok && rows[first].rec.unit != "" && row.unit != "" && rows[first].rec.unit != row.unit {
			b.fail(r.num, "unit", fmt.Sprintf("与第 %d 行的同一担保人单位不一致", rows[first].num), fmt.Sprintf("disagrees with row %d about the guarantor's unit", rows[first].num))
		}
		if len(b.Problems) > n {
			continue
		}
		if !row.hasAmount {
			g.AmountFen = l.AmountFen // the whole loan, as the store records it
		}
		isNew := false
		if _, done := newPeople[g.IDNumber]; !known && !done {
			np := hezuo.Person{IDNumber: g.IDNumber, Name: row.name}
			if err := np.Validate(b.today); err != nil {
				b.fail(r.num, "id_number", err.Error(), err.Error())
				continue
			}
			newPeople[g.IDNumber] = len(p.Write.People)
			p.Write.People = append(p.Write.People, np)
		}
		if _, done := newGuarantors[g.IDNumber]; !done && (!isGuarantor || old != gu) {
			newGuarantors[g.IDNumber] = i
			p.Write.Guarantors = append(p.Write.Guarantors, gu)
		}
		prev, exists := stored[g.IDNumber][g.LoanNo]
		changed := exists && prev != g.AmountFen
		if !exists || changed {
			p.Write.Guarantees = append(p.Write.Guarantees, g)
			isNew = !exists
		}
		if after[g.IDNumber] == nil {
			after[g.IDNumber] = map[string]int64{}
			for no, fen := range stored[g.IDNumber] {
				after[g.IDNumber][no] = fen
			}
		}
		after[g.IDNumber][g.LoanNo] = g.AmountFen
		rowsOf[g.IDNumber] = append(rowsOf[g.IDNumber], r)
		p.count(isNew, changed || (exists && isGuarantor && old != gu))
	}
	if b.settings != nil {
		checkCap(b, *b.settings, have, after, rowsOf)
	}
	return p
}

// checkCap refuses the rows of a guarantor who, once the file is imported,
// would stand at some time for more than the cap: every row whose loan is
// part of the peak is named.
func checkCap(b *Batch, set rules.Settings, have *hezuo.Dataset, after map[string]map[string]int64, rowsOf map[string][]row[guaranteeRow]) {
	loans := keyed(have.Loans, func(l hezuo.Loan) string { return l.No })
	repaid := map[string]hezuo.Date{} // loan → day its principal was repaid in full
	sum := map[string]int64{}
	for _, x := range have.Repayments { // ordered by loan and day
		if sum[x.LoanNo] += x.PrincipalFen; sum[x.LoanNo] >= loans[x.LoanNo].AmountFen && repaid[x.LoanNo].IsZero() {
			repaid[x.LoanNo] = x.PaidOn
		}
	}
	for id, amounts := range after {
		var xs []rules.Exposure
		for no, fen := range amounts {
			l := loans[no]
			e := rules.Exposure{LoanNo: no, AmountFen: fen, From: l.ApprovedOn, To: l.RejectedOn}
			if e.From.IsZero() {
				e.From = l.AppliedOn
			}
			if e.To.IsZero() {
				e.To = repaid[no]
			}
			if !e.To.IsZero() && !e.From.Before(e.To) {
				continue
			}
			xs = append(xs, e)
		}
		slices.SortFunc(xs, func(a, b rules.Exposure) int { return strings.Compare(a.LoanNo, b.LoanNo) })
		var e *hezuo.Error
		if err := set.CheckGuarantor(hezuo.MaskIDNumber(id), xs); !errors.As(err, &e) {
			continue
		}
		_, _, peak := rules.PeakExposure(xs)
		for _, row := range rowsOf[id] {
			if slices.Contains(peak, row.rec.g.LoanNo) {
				b.fail(row.num, "amount", e.ZH, e.EN)
			}
		}
	}
}

func exportGuarantees(ds *hezuo.Dataset, _ hezuo.Date) [][]any {
	names, guarantors := map[string]string{}, map[string]hezuo.Guarantor{}
	for _, p := range ds.People {
		names[p.IDNumber] = p.Name
	}
	for _, g := range ds.Guarantors {
		guarantors[g.IDNumber] = g
	}
	return table(ds.Guarantees, func(g hezuo.Guarantee) []any {
		gu := guarantors[g.IDNumber]
		return []any{g.LoanNo, g.IDNumber, names[g.IDNumber], gu.Unit, gu.Post, yuanText(g.AmountFen)}
	})
}
