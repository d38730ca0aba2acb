package web

import (
	"net/http"
	"slices"
	"time"

	"hezuo"
)

// The audit log, for the county administrators and the auditors.
var _ = addArea(area{Nav: "audit", Path: "/audit", At: 170, Sees: Page.CanAudit})

// auditView is the audit log search page.
type auditView struct {
	Page
	F       hezuo.AuditFilter
	From    string
	To      string
	Entries []auditRow
	Pager   Pager
	Actions []string
	// Entities are the kinds of record the entity filter offers.
	Entities []string
}

var _ = pageRoute("GET /audit", (*Server).auditPage)

func (s *Server) auditPage(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	f := hezuo.AuditFilter{Q: q.Get("q"), User: q.Get("user"), Action: q.Get("action"), Entity: q.Get("entity"), Page: intParam(r, "page", 1)}
	v := auditView{Page: s.pageOf(r, "audit", "audit"), From: q.Get("from"), To: q.Get("to"),
		Actions: []string{hezuo.ActionCreate, hezuo.ActionUpdate, hezuo.ActionEnd, hezuo.ActionView, hezuo.ActionLogin, hezuo.ActionUser, actionImport}}
	v.Entities = auditEntities()
	if f.Entity != "" && !slices.Contains(v.Entities, f.Entity) { // a link to one kind the list lacks
		v.Entities = append(v.Entities, f.Entity)
	}
	if d, err := hezuo.ParseDate(v.From); err == nil {
		f.From = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, hezuo.China)
	}
	if d, err := hezuo.ParseDate(v.To); err == nil {
		f.To = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, hezuo.China)
	}
	entries, total, err := s.db.AuditLog(r.Context(), accessOf(r), f)
	if err != nil {
		return err
	}
	v.F, v.Entries, v.Pager = f, auditRows(v.Lang, entries), pager(r, total, f.Page)
	return s.render(w, http.StatusOK, "audit", v)
}
