package web

import "hezuo"

// The interface text of the party-member loans (党员农贷): list, form,
// record, approval queue, fee subsidies, reference rates; and the template
// functions they use.
func init() {
	funcs["yuan"] = hezuo.Yuan
	funcs["percent"] = hezuo.Percent
	addMessages("loans", map[string][2]string{
		// Asking before refusing a loan.
		"confirm_reject":   {"确认不予批准", "Yes, reject"},
		"confirm_reject_q": {"确认对贷款 %[1]s 不予批准（%[2]s）？此决定提交后不能撤回。", "Reject the loan %[1]s (%[2]s)? This decision cannot be undone."},

		"loan":               {"贷款", "Loan"},
		"loan_no":            {"贷款编号", "Loan number"},
		"loan_queue":         {"三个优先排队", "Priority queue"},
		"loan_subsidies":     {"贴息", "Interest subsidies"},
		"new_loan":           {"新建贷款申请", "New loan application"},
		"loan_search_hint":   {"贷款编号、组织或申请人姓名", "loan number, org or applicant name"},
		"applicant":          {"申请人", "Applicant"},
		"borrower":           {"借款党员身份证号", "Borrowing party member's ID number"},
		"borrower_note":      {"党员个人申请填写身份证号；党组织申请则填写党组织编号（只填一个）", "a party member's ID number, or the party organization's number (exactly one)"},
		"purpose":            {"用途", "Purpose"},
		"for_cooperative":    {"用于合作组织发展", "For the org's development"},
		"lender":             {"贷款机构", "Lender"},
		"amount_yuan":        {"金额（元）", "Amount (yuan)"},
		"rate":               {"年利率（%）", "Annual rate (%)"},
		"term_months":        {"期限（月）", "Term (months)"},
		"applied_on":         {"申请日期", "Applied on"},
		"approved_on":        {"审批日期", "Approved on"},
		"disbursed_on":       {"发放日期", "Disbursed on"},
		"due_on":             {"到期日", "Due on"},
		"outstanding":        {"未还本金（元）", "Outstanding (yuan)"},
		"repaid_yuan":        {"已还本金（元）", "Principal repaid (yuan)"},
		"interest_paid":      {"已付利息（元）", "Interest paid (yuan)"},
		"priority_only":      {"仅三个优先", "priorities only"},
		"guarantors":         {"担保人", "Guarantors"},
		"guarantor_id":       {"担保人身份证号", "Guarantor's ID number"},
		"guarantee_yuan":     {"担保金额（元，空为全额）", "Guaranteed (yuan, empty: the whole loan)"},
		"guarantor_cap":      {"每名公职人员同时担保上限", "Cap per public servant at once"},
		"peak":               {"同时担保最高额", "Most guaranteed at once"},
		"peak_loans":         {"涉及贷款", "On loans"},
		"over_cap":           {"超过上限", "over the cap"},
		"terms":              {"贷款条件", "Terms"},
		"history":            {"状态变化", "Status history"},
		"repayments":         {"还款记录", "Repayments"},
		"paid_on":            {"日期", "Date"},
		"principal":          {"本金（元）", "Principal (yuan)"},
		"interest":           {"利息（元）", "Interest (yuan)"},
		"add_repayment":      {"登记还款", "Record a repayment"},
		"repay_all":          {"全部还清", "Repay in full"},
		"interest_subsidy":   {"贴息计算", "Interest subsidy"},
		"subsidy_none":       {"尚无已付利息，暂无贴息", "no interest paid yet: no subsidy"},
		"subsidy_rate":       {"贴息率", "Subsidy rate"},
		"day_basis":          {"一年天数", "Days a year"},
		"period":             {"计息期", "Period"},
		"days":               {"天数", "Days"},
		"overdue_days":       {"逾期天数（不贴息）", "Overdue days (no subsidy)"},
		"principal_days":     {"本金×天数（元·天）", "Principal × days (yuan·days)"},
		"interest_due":       {"应付利息", "Interest due"},
		"subsidy":            {"贴息（元）", "Subsidy (yuan)"},
		"gross":              {"上限前", "Before caps"},
		"cut":                {"核减", "Cut"},
		"fee_subsidies":      {"党费补贴（与贴息分列）", "Party-fee subsidies (kept apart from the interest subsidy)"},
		"source":             {"资金来源", "Source"},
		"priority_reasons":   {"三个优先", "Three priorities"},
		"rank":               {"排序", "Rank"},
		"priority":           {"优先", "Priority"},
		"merits":             {"业绩", "Merits"},
		"status_change":      {"状态变更", "Change the status"},
		"act_approve":        {"审批通过", "Approve"},
		"act_reject":         {"不予批准", "Reject"},
		"act_disburse":       {"发放", "Disburse"},
		"act_due":            {"登记到期日（到期未还清即为逾期）", "Set the due date (not repaid by then: overdue)"},
		"on_day":             {"日期", "Date"},
		"ev_applied":         {"提出申请", "applied"},
		"ev_approved":        {"审批通过", "approved"},
		"ev_rejected":        {"未获批准", "rejected"},
		"ev_disbursed":       {"发放", "disbursed"},
		"ev_repayment":       {"还款", "repayment"},
		"ev_repaid":          {"还清", "repaid in full"},
		"ev_overdue":         {"逾期（到期未还清）", "overdue (not repaid when due)"},
		"total_amount":       {"合计金额（元）", "Total (yuan)"},
		"waiting":            {"待审批申请", "Applications waiting"},
		"queue_note":         {"待审批申请按“三个优先”排序：先满足全部条件且具备业绩的，再按业绩多少、申请先后", "applications waiting, ordered by the three priorities: those meeting every condition with a merit first, then by merits and date"},
		"subsidy_note":       {"按当年实付利息计算贴息：本金×贴息率×实际天数÷一年天数，贴息率按当时执行的参考利率（见下表），逾期期间不贴息，再按每笔和每人上限核减", "on the interest paid in the year: principal × rate × days / days a year, the rate from the reference rate then in force (table below), nothing for overdue days, then cut to the caps per loan and per borrower"},
		"subsidy_total":      {"贴息合计（元）", "Subsidies in all (yuan)"},
		"lending_rates":      {"参考利率表（贴息按各日当时执行的利率计算，跨利率调整日的计息期分段计算）", "Reference rates (each day's subsidy takes the rate then in force; a period spanning a change is split at it)"},
		"lending_rates_note": {"由县委组织部管理员用命令 hezuo rates add 增改，记入审计日志；早于首行的日期利率未知，不予计算", "county administrators add rows with hezuo rates add (audited); days before the first row have no known rate and are not computed"},
		"rate_from":          {"生效日期", "In force from"},
		"rate_kind":          {"种类", "Kind"},
		"annual_rate":        {"年利率", "Rate"},
		"rate_source":        {"来源", "Source"},
		"rate_unknown":       {"参考利率未知", "reference rate unknown"},

		// Dashboard link (issue 18: lead somewhere).
		"loans_disbursed_by": {"已发放贷款，截至", "Disbursed loans, as of"},

		// Field errors of the loan form.
		"bad_amount":        {"金额应为大于零的数字（元，最多两位小数）", "an amount in yuan above zero, at most two decimals"},
		"bad_rate":          {"年利率应为百分数，如 4.35", "the annual rate in percent, such as 4.35"},
		"guarantor_missing": {"请填写担保人身份证号", "give the guarantor's ID number"},
	})
}

// eventText is the name of a loan event in lang.
func eventText(lang, event string) string { return tr(lang, "ev_"+event) }
