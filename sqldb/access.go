package sqldb

import (
	"fmt"

	"hezuo"
)

// orgAccess returns the condition "org o is one a may see" — every scoped
// query of the web application goes through it, so a user's reach is decided
// here and nowhere else:
//
//   - county administrators, township officers and auditors: every org whose
//     home village lies in their scope;
//   - department officers: the orgs of their county whose industry maps to
//     their department (department_industries);
//   - branch secretaries: their own org;
//   - instructors: the orgs they are dispatched to on day (Subject is the
//     keyed hash of the instructor's ID number, as users.subject holds it).
//
// The zero Access (no role) matches nothing.
func orgAccess(a *hezuo.Access, day hezuo.Date) *where {
	w := &where{}
	if a == nil || a.Role == "" {
		return w.add("1 = 0")
	}
	w.add("o.village BETWEEN ? AND ?", scopeArgs(a.Scope)...)
	switch a.Role {
	case hezuo.RoleCountyAdmin, hezuo.RoleTownshipOfficer, hezuo.RoleAuditor:
	case hezuo.RoleDepartmentOfficer:
		w.add(`o.industry IN (SELECT di.industry FROM department_industries di JOIN departments dp ON dp.id = di.department_id
			WHERE dp.code = ? AND di.county = o.county)`, a.Subject)
	case hezuo.RoleBranchSecretary:
		w.add("o.org_no = ?", a.Subject)
	case hezuo.RoleInstructor:
		dc, da := active("dx", day)
		w.add(`o.id IN (SELECT dx.org_id FROM dispatches dx JOIN instructors ix ON ix.id = dx.instructor_id
			JOIN people px ON px.id = ix.person_id WHERE px.id_hash = ? AND `+dc+`)`, append([]any{a.Subject}, da...)...)
	default:
		w.add("1 = 0")
	}
	return w
}

// requestScope narrows a requested scope by a's (EFORBIDDEN when outside).
func requestScope(a *hezuo.Access, req hezuo.Scope) (hezuo.Scope, error) {
	return a.Narrow(req)
}

// notFound is the error for a record outside the user's reach: the same as
// for a record that does not exist, so that guessing keys reveals nothing.
func notFound(whatZH, whatEN, key string) error {
	return &hezuo.Error{Code: hezuo.ENOTFOUND,
		ZH: fmt.Sprintf("找不到%s %s（不存在或不在您的权限范围内）", whatZH, key),
		EN: fmt.Sprintf("no %s %s (it does not exist or lies outside your scope)", whatEN, key)}
}

// Rebind rewrites a query's ? placeholders for the database's dialect (for
// callers outside the package, such as tests, that write their own SQL).
func (db *DB) Rebind(q string) string { return db.rebind(q) }
