package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"hezuo"
	"hezuo/xlsx"
)

// Spreadsheets in: the upload, its plan, confirming or cancelling it, the
// errors workbook and the templates.
var _ = addArea(area{Nav: "import", Path: "/import", Texts: "import", ID: "nav-import", At: 140, Sees: Page.CanWrite,
	Routes: func(s *Server, m *http.ServeMux) {
		m.HandleFunc("POST /import", limitBody(maxUpload+1<<20, s.page(s.importSubmit)))
	}})

// maxUpload bounds an uploaded spreadsheet (and the whole multipart body).
const maxUpload = 20 << 20

// actionImport is the audit action of a spreadsheet import.
const actionImport = "import"

// importKinds are the KINDs the upload page offers, in the order xlsx lists
// them (the registry, then the platforms): a KIND declared in xlsx is
// offered here without another list to keep. Every role that imports
// (county administrators, township officers within their township) may
// import each.
var importKinds = func() []string {
	var kinds []string
	for _, k := range xlsx.KindList() {
		kinds = append(kinds, k.Kind)
	}
	return kinds
}()

// importView is the upload page: the form, then either a preview (counts
// and problems of an uploaded file) or the result of a confirmed import.
type importView struct {
	Page
	Kinds    []string
	Kind     string
	File     string
	Token    string // the upload to confirm ("" when there is nothing to confirm)
	Cancel   string // the upload the page may cancel (to confirm, or with an error workbook)
	Rows     int
	New      int
	Changed  int
	Same     int
	Problems []string // FILE:ROW:COLUMN: message (the first maxProblemRows)
	// ProblemCells are the first maxProblemRows problems with their cells'
	// values, shown as a table; ProblemCount and ProblemRows count them all
	// (and the rows they lie in), ProblemMore those not shown.
	ProblemCells []xlsx.ProblemCell
	ProblemCount int
	ProblemRows  int
	ProblemMore  int
	Errors       string   // the error workbook's URL
	Done         bool     // the file was written
	Notes        []string // what a members import presumed about party dates
	// ScopeName is the division a township officer imports within.
	ScopeName string
}

// importAccess refuses the roles that do not keep the registry: county
// administrators import anything; township officers import within their
// township (every row's org, village, person or other record is checked
// against the scope by the xlsx plan, and again by the store); department
// officers, branch secretaries, instructors and auditors cannot import.
func importAccess(r *http.Request) error {
	if !accessOf(r).CanWrite() {
		return hezuo.Errorf(hezuo.EFORBIDDEN, "只有县委组织部管理员和乡镇党委干部可以批量导入", "only county administrators and township officers import spreadsheets")
	}
	return nil
}

// importOptions are the options of an import by the request's user.
func (s *Server) importOptions(r *http.Request) xlsx.Options {
	return xlsx.Options{Today: s.today(), Now: s.opt.Now(), Access: accessOf(r), TempDir: s.uploads.tempDir()}
}

// limitBody caps a request's body at n bytes before anything reads it
// (the CSRF check parses the multipart form).
func limitBody(n int64, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, n)
		h(w, r)
	}
}

func (s *Server) importView(r *http.Request) importView {
	p := s.pageOf(r, "import", "import")
	return importView{Page: p, Kinds: importKinds, Kind: r.FormValue("kind"),
		ScopeName: p.ScopeLabel() + " (" + accessOf(r).Scope.String() + ")"}
}

var _ = pageRoute("GET /import", (*Server).importPage)

func (s *Server) importPage(w http.ResponseWriter, r *http.Request) error {
	if err := importAccess(r); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "import", s.importView(r))
}

// importSubmit stores the uploaded file and shows its preview: the
// counts it would write, or every problem and the error workbook.
func (s *Server) importSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := importAccess(r); err != nil {
		return err
	}
	v := s.importView(r)
	if xlsx.Lookup(v.Kind) == nil {
		return hezuo.Invalid("", "kind", "请选择数据类型", "choose a KIND")
	}
	in, hdr, err := r.FormFile("file")
	if err != nil {
		return hezuo.Invalid("", "file", "请选择要上传的 .xlsx 或 .csv 文件（不超过 20 MB）", "choose a .xlsx or .csv file to upload (at most 20 MB)")
	}
	defer in.Close()
	v.File = filepath.Base(hdr.Filename)
	ext := strings.ToLower(filepath.Ext(v.File))
	if xlsx.Format(v.File) == "" {
		return hezuo.Invalid("", "file", "文件应为 .xlsx 或 .csv", "the file must be .xlsx or .csv")
	}
	up, err := s.uploads.put(sessionOf(r).User.Name, v.Kind, v.File, ext, s.opt.Now())
	if err != nil {
		return err
	}
	if err := saveUpload(in, up.Path); err != nil {
		s.uploads.remove(up.Token)
		return err
	}
	keep, err := s.preview(r, up, &v)
	if !keep {
		s.uploads.remove(up.Token)
	}
	if err != nil {
		return err
	}
	st := http.StatusOK
	if len(v.Problems) > 0 {
		st = http.StatusUnprocessableEntity
	}
	return s.render(w, st, "import", v)
}

// saveUpload copies the uploaded file to path.
func saveUpload(in io.Reader, path string) error {
	out, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return hezuo.Invalid("", "file", "上传失败或文件超过 20 MB", "the upload failed or the file is larger than 20 MB")
	}
	return out.Close()
}

// preview parses and plans the upload into v. It reports whether the
// upload is worth keeping (to confirm it, or for its error workbook).
func (s *Server) preview(r *http.Request, up *upload, v *importView) (bool, error) {
	b, err := xlsx.Parse(up.Kind, up.Path, s.importOptions(r))
	if err != nil {
		return false, hidePath(err, up)
	}
	v.Rows = b.Rows
	plan, err := b.Plan(r.Context(), s.db)
	if rej := xlsx.AsRejected(err); rej != nil {
		s.rejected(up, rej, v)
		return true, nil
	} else if err != nil {
		return false, err
	}
	v.New, v.Changed, v.Same = plan.New, plan.Changed, plan.Unchanged
	v.Notes = plan.Lines(v.Lang)
	v.Token, v.Cancel = up.Token, up.Token
	return true, nil
}

// hidePath replaces the server's path of an upload by the file's name in
// a domain error's message (an unreadable file names it).
func hidePath(err error, up *upload) error {
	var e *hezuo.Error
	if errors.As(err, &e) {
		c := *e
		c.ZH, c.EN = strings.ReplaceAll(c.ZH, up.Path, up.Name), strings.ReplaceAll(c.EN, up.Path, up.Name)
		return &c
	}
	return err
}

// maxProblemRows bounds the problems an import page lists (all of them are
// in the error workbook).
const maxProblemRows = 500

// rejected lists a rejection's problems in v (every one in a table of row,
// column, value and what is wrong, up to maxProblemRows) and writes its
// error workbook.
func (s *Server) rejected(up *upload, rej *xlsx.Rejected, v *importView) {
	rows := map[int]bool{}
	for i, p := range rej.Problems {
		rows[p.Row] = true
		if i < maxProblemRows {
			v.Problems = append(v.Problems, p.Line(up.Name, v.Lang))
		}
	}
	v.ProblemCount, v.ProblemRows = len(rej.Problems), len(rows)
	v.ProblemMore = max(0, len(rej.Problems)-maxProblemRows)
	cells, err := rej.Cells(up.Kind, maxProblemRows)
	if err != nil {
		s.opt.Log.Printf("import problems: %v", err)
		cells = nil
		for i, p := range rej.Problems {
			if i == maxProblemRows {
				break
			}
			cells = append(cells, xlsx.ProblemCell{Problem: p})
		}
	}
	v.ProblemCells = cells
	out := strings.TrimSuffix(up.Path, filepath.Ext(up.Path)) + "-errors.xlsx"
	if err := xlsx.WriteErrorBook(rej, up.Kind, out, v.Lang); err != nil {
		s.opt.Log.Printf("error workbook: %v", err)
		return
	}
	up.Errors = out
	s.uploads.setErrors(up.Token, out)
	v.Errors = "/import/" + up.Token + "/errors.xlsx"
	v.Token, v.Cancel = "", up.Token
}

var _ = pageRoute("POST /import/cancel", (*Server).importCancel)

// importCancel forgets an upload of the user and deletes its files.
func (s *Server) importCancel(w http.ResponseWriter, r *http.Request) error {
	if err := importAccess(r); err != nil {
		return err
	}
	if up := s.uploads.get(r.PostFormValue("token"), sessionOf(r).User.Name, s.opt.Now()); up != nil {
		s.uploads.remove(up.Token)
	}
	http.Redirect(w, r, "/import", http.StatusSeeOther)
	return nil
}

var _ = pageRoute("POST /import/confirm", (*Server).importConfirm)

// importConfirm writes a previewed upload: it is read and checked again
// (the database may have changed since) and written in one transaction,
// all rows or none, then audited.
func (s *Server) importConfirm(w http.ResponseWriter, r *http.Request) error {
	if err := importAccess(r); err != nil {
		return err
	}
	sess := sessionOf(r)
	up := s.uploads.get(r.PostFormValue("token"), sess.User.Name, s.opt.Now())
	if up == nil || up.Errors != "" {
		return hezuo.Errorf(hezuo.ENOTFOUND, "上传的文件已过期或已导入，请重新上传", "the upload expired or was imported already: upload it again")
	}
	v := s.importView(r)
	v.Kind, v.File = up.Kind, up.Name
	opt := s.importOptions(r)
	opt.Name = up.Name
	res, err := xlsx.Import(r.Context(), s.db, up.Kind, up.Path, opt, false)
	if rej := xlsx.AsRejected(err); rej != nil {
		s.rejected(up, rej, &v)
		return s.render(w, http.StatusUnprocessableEntity, "import", v)
	} else if err != nil {
		return err
	}
	s.uploads.remove(up.Token)
	v.Rows, v.New, v.Changed, v.Same, v.Done = res.Rows, res.New, res.Changed, res.Unchanged, true
	v.Notes = res.Lines(v.Lang)
	a := accessOf(r)
	note := fmt.Sprintf("%s：共 %d 行，新增 %d，更新 %d，未变 %d / %d rows: %d new, %d changed, %d unchanged",
		up.Name, res.Rows, res.New, res.Changed, res.Unchanged, res.Rows, res.New, res.Changed, res.Unchanged)
	if err := s.db.Audit(r.Context(), a, s.opt.Now(), actionImport, up.Kind, up.Name, a.Scope.Prefix, note); err != nil {
		return err
	}
	return s.render(w, http.StatusOK, "import", v)
}

var _ = pageRoute("GET /import/{token}/errors.xlsx", (*Server).importErrors)

// importErrors downloads the error workbook of a rejected upload.
func (s *Server) importErrors(w http.ResponseWriter, r *http.Request) error {
	if err := importAccess(r); err != nil {
		return err
	}
	up := s.uploads.get(r.PathValue("token"), sessionOf(r).User.Name, s.opt.Now())
	if up == nil || up.Errors == "" {
		return hezuo.Errorf(hezuo.ENOTFOUND, "错误工作簿已过期，请重新上传", "the error workbook expired: upload the file again")
	}
	b, err := os.ReadFile(up.Errors)
	if err != nil {
		return err
	}
	attach(w, xlsxType, strings.TrimSuffix(up.Name, filepath.Ext(up.Name))+"-errors.xlsx")
	_, err = w.Write(b)
	return err
}

var _ = pageRoute("GET /templates/{file}", (*Server).templateDownload)

// templateDownload writes the import template of a KIND
// (/templates/{kind}.xlsx): headers, instructions, dropdowns, example row.
func (s *Server) templateDownload(w http.ResponseWriter, r *http.Request) error {
	kind, ok := strings.CutSuffix(r.PathValue("file"), ".xlsx")
	if !ok || xlsx.Lookup(kind) == nil {
		return hezuo.Errorf(hezuo.ENOTFOUND, "没有这种模板", "no such template")
	}
	dir, err := os.MkdirTemp("", "hezuo-template-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, kind+".xlsx")
	if err := xlsx.WriteTemplate(kind, path); err != nil {
		return err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	attach(w, xlsxType, kind+"-template.xlsx")
	_, err = w.Write(b)
	return err
}
