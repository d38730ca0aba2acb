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

// orgSheet is the download of /orgs.
var orgSheet = sheet[hezuo.OrgItem]{name: "合作组织",
	cols: [][2]string{{"组织编号", "Org ID"}, {"名称", "Name"}, {"类型", "Kind"},
		{"统一社会信用代码", "Credit code"}, {"所在村", "Village"}, {"村名", "Village name"},
		{"乡镇", "Township"}, {"产业", "Industry"}, {"带动农户数", "Households driven"},
		{"示范社", "Model"}, {"成立日期", "Founded"}, {"登记日期", "Registered"}, {"注销日期", "Dissolved"}},
	row: func(lang string, o hezuo.OrgItem) []any {
		return []any{o.OrgNo, o.Name, label(lang, "kind", o.Kind), o.CreditCode, o.Village, o.VillageName,
			o.TownshipName, o.Industry, o.HouseholdsDriven, o.Model, o.Founded, o.RegisteredOn, o.Dissolved}
	}}

var _ = pageRoute("GET /orgs.xlsx", (*Server).orgsDownload)

func (s *Server) orgsDownload(w http.ResponseWriter, r *http.Request) error {
	f, err := orgFilter(r)
	if err != nil {
		return err
	}
	items, err := collect(byCursor(func(n int, after string) ([]hezuo.OrgItem, int, string, error) {
		f.Page, f.PerPage, f.After = n, downloadPer, after
		l, err := s.db.ListOrgs(r.Context(), accessOf(r), f, s.today())
		if err != nil {
			return nil, 0, "", err
		}
		return l.Items, l.Total, l.Next, nil
	}))
	if err != nil {
		return err
	}
	return orgSheet.send(s, w, r, items)
}

// personSheet is the download of /people.
var personSheet = sheet[hezuo.PersonItem]{name: "人员",
	cols: [][2]string{{"姓名", "Name"}, {"身份证号", "ID number"}, {"性别", "Sex"},
		{"出生年份", "Year of birth"}, {"户籍所在村", "Village"}, {"电话", "Phone"},
		{"政治面貌", "Party status"}, {"技术人才", "Technical talent"}, {"致富能手", "Leader"}, {"所在组织", "Orgs"}},
	row: func(lang string, p hezuo.PersonItem) []any {
		// A list masks ID numbers, so it shows the birth year (hezuo.ShownBirth).
		return []any{p.Name, p.IDNumber, label(lang, "sex", p.Sex), p.BirthYear, p.Village, p.Phone,
			label(lang, "party", p.PartyStatus), p.Talent, p.Leader, strings.Join(p.Orgs, " ")}
	}}

var _ = pageRoute("GET /people.xlsx", (*Server).peopleDownload)

func (s *Server) peopleDownload(w http.ResponseWriter, r *http.Request) error {
	f := personFilter(r)
	// A wide scope's count stops past what a download holds (CountCap).
	f.CountCap = maxDownloadRows
	items, err := collect(byCursor(func(n int, after string) ([]hezuo.PersonItem, int, string, error) {
		f.Page, f.PerPage, f.After = n, downloadPer, after
		l, err := s.db.ListPeople(r.Context(), accessOf(r), f, s.today())
		if err != nil {
			return nil, 0, "", err
		}
		if l.TotalCapped {
			return nil, 0, "", hezuo.Errorf(hezuo.EINVALID, "列表超过下载上限 %d 行：请缩小范围，或用 hezuo export 导出",
				"the list has more than the %d rows a download holds: narrow it, or use hezuo export", maxDownloadRows)
		}
		return l.Items, l.Total, l.Next, nil
	}))
	if err != nil {
		return err
	}
	return personSheet.send(s, w, r, items)
}

// partyOrgList is the list of /partyorgs and /partyorgs.xlsx.
func (s *Server) partyOrgList() listSpec[hezuo.ListFilter, hezuo.PartyOrgItem] {
	return registryList(listSpec[hezuo.ListFilter, hezuo.PartyOrgItem]{fetch: s.db.ListPartyOrgs,
		sorts: []string{"no", "name", "form", "seat", "founded"},
		sheet: sheet[hezuo.PartyOrgItem]{name: "党组织",
			cols: [][2]string{{"党组织编号", "No"}, {"名称", "Name"}, {"组织形式", "Form"},
				{"所在地", "Seat"}, {"所在地名称", "Seat name"}, {"书记", "Secretary"},
				{"覆盖组织", "Orgs covered"}, {"成立日期", "Founded"}, {"撤销日期", "Ended"}},
			row: func(lang string, p hezuo.PartyOrgItem) []any {
				return []any{p.No, p.Name, label(lang, "form", p.Form), p.Seat, p.SeatName, p.Secretary,
					strings.Join(p.Orgs, " "), p.From, p.To}
			}}})
}

var _ = pageRoute("GET /partyorgs.xlsx", (*Server).partyOrgsDownload)

func (s *Server) partyOrgsDownload(w http.ResponseWriter, r *http.Request) error {
	return s.partyOrgList().download(s, w, r)
}

// instructorList is the list of /instructors and /instructors.xlsx.
func (s *Server) instructorList() listSpec[hezuo.ListFilter, hezuo.InstructorItem] {
	return registryList(listSpec[hezuo.ListFilter, hezuo.InstructorItem]{fetch: s.db.ListInstructors,
		sorts: []string{"name", "township", "unit"},
		sheet: sheet[hezuo.InstructorItem]{name: "指导员",
			cols: [][2]string{{"姓名", "Name"}, {"乡镇", "Township"}, {"乡镇名称", "Township name"},
				{"工作单位", "Unit"}, {"派驻组织", "Dispatched to"}},
			row: func(lang string, in hezuo.InstructorItem) []any {
				var to []string
				for _, d := range in.Dispatches {
					to = append(to, d.OrgNo)
				}
				return []any{in.Name, in.Township, in.TownshipName, in.Unit, strings.Join(to, " ")}
			}}})
}

var _ = pageRoute("GET /instructors.xlsx", (*Server).instructorsDownload)

func (s *Server) instructorsDownload(w http.ResponseWriter, r *http.Request) error {
	return s.instructorList().download(s, w, r)
}

// divisionList is the list of /divisions and /divisions.xlsx.
func (s *Server) divisionList() listSpec[hezuo.ListFilter, hezuo.DivisionItem] {
	return registryList(listSpec[hezuo.ListFilter, hezuo.DivisionItem]{fetch: s.db.ListDivisions,
		sorts: []string{"code", "name", "level", "orgs"},
		sheet: sheet[hezuo.DivisionItem]{name: "区划",
			cols: [][2]string{{"区划代码", "Code"}, {"名称", "Name"}, {"级别", "Level"}, {"合作组织数", "Orgs"}},
			row: func(lang string, d hezuo.DivisionItem) []any {
				return []any{d.Code, d.Name, label(lang, "division", d.Level), d.Orgs}
			}}})
}

var _ = pageRoute("GET /divisions.xlsx", (*Server).divisionsDownload)

func (s *Server) divisionsDownload(w http.ResponseWriter, r *http.Request) error {
	return s.divisionList().download(s, w, r)
}

var _ = pageRoute("GET /check.xlsx", (*Server).checkDownload)

// checkDownload writes the check's rows: every org in scope, or those of
// the list ?status= names (hezuo.CheckFacts.InList: the figures' own orgs),
// in the page's order (?sort=).
func (s *Server) checkDownload(w http.ResponseWriter, r *http.Request) error {
	rows, day, err := scopedRead(r, s.db.ScopedCheck)
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
