package web

import (
	"net/http"
	"strings"

	"hezuo"
)

// The .xlsx downloads of the lists: each reads the same query as its page
// (so the download holds what the filters select, every page of it), asks
// the same scoped store method and writes one row per record. People are
// always masked, as the list shows them: whole ID numbers are seen one
// person at a time, and audited.

// cols returns the header texts of a download in lang from zh/en pairs.
func cols(lang string, pairs ...[2]string) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		out[i] = p[0]
		if lang == "en" {
			out[i] = p[1]
		}
	}
	return out
}

func (s *Server) orgsDownload(w http.ResponseWriter, r *http.Request) error {
	f, err := orgFilter(r)
	if err != nil {
		return err
	}
	// Page after page by cursor: each read costs one page, where page
	// numbers (OFFSET) would make the whole download quadratic (issue 7).
	items, err := collect(func(n int) ([]hezuo.OrgItem, int, error) {
		f.Page, f.PerPage = n, downloadPer
		l, err := s.db.ListOrgs(r.Context(), accessOf(r), f, s.today())
		if err != nil {
			return nil, 0, err
		}
		if f.After = l.Next; l.Next == "" {
			return l.Items, n*downloadPer - downloadPer + len(l.Items), nil // the last page
		}
		return l.Items, l.Total, nil
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"组织编号", "Org ID"}, [2]string{"名称", "Name"}, [2]string{"类型", "Kind"},
		[2]string{"统一社会信用代码", "Credit code"}, [2]string{"所在村", "Village"}, [2]string{"村名", "Village name"},
		[2]string{"乡镇", "Township"}, [2]string{"产业", "Industry"}, [2]string{"带动农户数", "Households driven"},
		[2]string{"示范社", "Model"}, [2]string{"成立日期", "Founded"}, [2]string{"登记日期", "Registered"}, [2]string{"注销日期", "Dissolved"})
	rows := make([][]any, len(items))
	for i, o := range items {
		rows[i] = []any{o.OrgNo, o.Name, label(lang, "kind", o.Kind), o.CreditCode, o.Village, o.VillageName,
			o.TownshipName, o.Industry, o.HouseholdsDriven, o.Model, o.Founded, o.RegisteredOn, o.Dissolved}
	}
	return s.sendXLSX(w, "合作组织.xlsx", "合作组织", head, rows)
}

func (s *Server) peopleDownload(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := hezuo.PersonFilter{OrgNo: q.Get("org_id"), Q: q.Get("q"), Party: q.Get("party") != "", Talent: q.Get("talent") != "", Sort: q.Get("sort")}
	// A wide scope's count stops past what a download holds (CountCap).
	f.CountCap = maxDownloadRows
	items, err := collect(func(n int) ([]hezuo.PersonItem, int, error) { // by cursor, as orgsDownload
		f.Page, f.PerPage = n, downloadPer
		l, err := s.db.ListPeople(r.Context(), accessOf(r), f, s.today())
		if err != nil {
			return nil, 0, err
		}
		if l.TotalCapped {
			return nil, 0, hezuo.Errorf(hezuo.EINVALID, "列表超过下载上限 %d 行：请缩小范围，或用 hezuo export 导出",
				"the list has more than the %d rows a download holds: narrow it, or use hezuo export", maxDownloadRows)
		}
		if f.After = l.Next; l.Next == "" {
			return l.Items, n*downloadPer - downloadPer + len(l.Items), nil // the last page
		}
		return l.Items, l.Total, nil
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"姓名", "Name"}, [2]string{"身份证号", "ID number"}, [2]string{"性别", "Sex"},
		[2]string{"出生年份", "Year of birth"}, [2]string{"户籍所在村", "Village"}, [2]string{"电话", "Phone"},
		[2]string{"政治面貌", "Party status"}, [2]string{"技术人才", "Technical talent"}, [2]string{"致富能手", "Leader"},
		[2]string{"所在组织", "Orgs"})
	rows := make([][]any, len(items))
	for i, p := range items {
		// A list masks ID numbers, so it shows the birth year (hezuo.ShownBirth).
		rows[i] = []any{p.Name, p.IDNumber, label(lang, "sex", p.Sex), p.BirthYear, p.Village, p.Phone,
			label(lang, "party", p.PartyStatus), p.Talent, p.Leader, strings.Join(p.Orgs, " ")}
	}
	return s.sendXLSX(w, "人员.xlsx", "人员", head, rows)
}

// registryItems reads every page of a smaller registry's list.
func registryItems[T any](r *http.Request, list func(f hezuo.ListFilter) ([]T, int, error)) ([]T, error) {
	f, err := listFilter(r)
	if err != nil {
		return nil, err
	}
	return collect(func(n int) ([]T, int, error) {
		f.Page, f.PerPage = n, downloadPer
		return list(f)
	})
}

func (s *Server) partyOrgsDownload(w http.ResponseWriter, r *http.Request) error {
	items, err := registryItems(r, func(f hezuo.ListFilter) ([]hezuo.PartyOrgItem, int, error) {
		return s.db.ListPartyOrgs(r.Context(), accessOf(r), f, s.today())
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"党组织编号", "No"}, [2]string{"名称", "Name"}, [2]string{"组织形式", "Form"},
		[2]string{"所在地", "Seat"}, [2]string{"所在地名称", "Seat name"}, [2]string{"书记", "Secretary"},
		[2]string{"覆盖组织", "Orgs covered"}, [2]string{"成立日期", "Founded"}, [2]string{"撤销日期", "Ended"})
	rows := make([][]any, len(items))
	for i, p := range items {
		rows[i] = []any{p.No, p.Name, label(lang, "form", p.Form), p.Seat, p.SeatName, p.Secretary,
			strings.Join(p.Orgs, " "), p.From, p.To}
	}
	return s.sendXLSX(w, "党组织.xlsx", "党组织", head, rows)
}

func (s *Server) instructorsDownload(w http.ResponseWriter, r *http.Request) error {
	items, err := registryItems(r, func(f hezuo.ListFilter) ([]hezuo.InstructorItem, int, error) {
		return s.db.ListInstructors(r.Context(), accessOf(r), f, s.today())
	})
	if err != nil {
		return err
	}
	head := cols(langOf(r), [2]string{"姓名", "Name"}, [2]string{"乡镇", "Township"}, [2]string{"乡镇名称", "Township name"},
		[2]string{"工作单位", "Unit"}, [2]string{"派驻组织", "Dispatched to"})
	rows := make([][]any, len(items))
	for i, in := range items {
		var to []string
		for _, d := range in.Dispatches {
			to = append(to, d.OrgNo)
		}
		rows[i] = []any{in.Name, in.Township, in.TownshipName, in.Unit, strings.Join(to, " ")}
	}
	return s.sendXLSX(w, "指导员.xlsx", "指导员", head, rows)
}

func (s *Server) divisionsDownload(w http.ResponseWriter, r *http.Request) error {
	items, err := registryItems(r, func(f hezuo.ListFilter) ([]hezuo.DivisionItem, int, error) {
		return s.db.ListDivisions(r.Context(), accessOf(r), f, s.today())
	})
	if err != nil {
		return err
	}
	lang := langOf(r)
	head := cols(lang, [2]string{"区划代码", "Code"}, [2]string{"名称", "Name"}, [2]string{"级别", "Level"}, [2]string{"合作组织数", "Orgs"})
	rows := make([][]any, len(items))
	for i, d := range items {
		rows[i] = []any{d.Code, d.Name, label(lang, "division", d.Level), d.Orgs}
	}
	return s.sendXLSX(w, "区划.xlsx", "区划", head, rows)
}

// checkDownload writes the check's rows: every org in scope, or those of
// the list ?status= names (hezuo.CheckFacts.InList: the figures' own orgs),
// in the page's order (?sort=).
func (s *Server) checkDownload(w http.ResponseWriter, r *http.Request) error {
	sc, day, err := scopeDayParams(r)
	if err != nil {
		return err
	}
	rows, err := s.db.ScopedCheck(r.Context(), accessOf(r), sc, day)
	if err != nil {
		return err
	}
	status, err := checkStatus(r)
	if err != nil {
		return err
	}
	sortCheck(rows, r.URL.Query().Get("sort"))
	lang := langOf(r)
	head := cols(lang, [2]string{"组织编号", "Org ID"}, [2]string{"名称", "Name"}, [2]string{"所在村", "Village"},
		[2]string{"乡镇", "Township"}, [2]string{"会员", "Members"}, [2]string{"正式党员", "Full party members"},
		[2]string{"预备党员", "Probationary"}, [2]string{"应建", "Required"}, [2]string{"已建", "Actual"},
		[2]string{"结论", "Status"}, [2]string{"管理", "Managed by"}, [2]string{"理由", "Reasons"})
	var out [][]any
	for _, row := range rows {
		if !row.InList(status) {
			continue
		}
		v := row.View(lang)
		manager := v.ManagedBy.Name
		if manager == "" { // an unmapped department, or undecided across counties
			manager = label(lang, "level", v.ManagedBy.Level)
		}
		out = append(out, []any{v.OrgNo, v.Name, v.Village, v.Township, v.Members, v.FullPartyMembers, v.ProbationaryMembers,
			label(lang, "required", v.Required), label(lang, "actual", v.Actual),
			label(lang, "status", v.Status), manager, strings.Join(v.Reasons, "；")})
	}
	return s.sendXLSX(w, "规则检查-"+day.String()+".xlsx", "规则检查", head, out)
}
