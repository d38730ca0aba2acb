package hezuo

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// User roles (cli.md `hezuo user add --role`; mission.md's roles table).
const (
	RoleCountyAdmin       = "county_admin"       // 县委组织部
	RoleTownshipOfficer   = "township_officer"   // 乡镇党委
	RoleDepartmentOfficer = "department_officer" // 涉农部门
	RoleBranchSecretary   = "branch_secretary"   // 合作组织党组织书记
	RoleInstructor        = "instructor"         // 党建工作指导员
	RoleAuditor           = "auditor"            // 县领导 / 审计
)

// Roles lists every role in the order of the roles table.
var Roles = []string{RoleCountyAdmin, RoleTownshipOfficer, RoleDepartmentOfficer, RoleBranchSecretary, RoleInstructor, RoleAuditor}

// RoleNames gives each role's Chinese name.
var RoleNames = map[string]string{
	RoleCountyAdmin: "县委组织部", RoleTownshipOfficer: "乡镇党委", RoleDepartmentOfficer: "涉农部门",
	RoleBranchSecretary: "合作组织党组织书记", RoleInstructor: "党建工作指导员", RoleAuditor: "县领导/审计",
}

// User is a person who signs in to the web application. Scope is the
// division the user works in (a county for county administrators, auditors
// and department officers, a township for township officers; any division
// holding the subject for the others). Subject narrows the scope further for
// roles bound to something smaller than a division: the department code of a
// department officer, the 组织编号 of a branch secretary's org, the ID number
// of an instructor.
type User struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Scope     string    `json:"scope"`
	Subject   string    `json:"subject,omitempty"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
}

// MaxUserNameLen is the longest user name, in bytes.
const MaxUserNameLen = 64

// ValidUserName reports whether name could be a user's name: 1 to
// MaxUserNameLen bytes of valid UTF-8 without spaces, slashes, control or
// format characters (such as a right-to-left override). A sign-in with any
// other name is refused before the name is looked up or written anywhere.
func ValidUserName(name string) bool {
	if name == "" || len(name) > MaxUserNameLen || !utf8.ValidString(name) {
		return false
	}
	for _, r := range name {
		if r == '/' || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// Validate checks the name, role, scope and subject of a user: county
// administrators, auditors and department officers need a county (or wider)
// scope, township officers a township; department officers, branch
// secretaries and instructors need a subject.
func (u *User) Validate() error {
	u.Name = strings.TrimSpace(u.Name)
	var c collector
	rec := "用户 " + u.Name
	if !ValidUserName(u.Name) {
		// The record is not named: the name is what is wrong with it.
		rec = "用户"
		c.add(Invalid("用户", "name", "用户名不能为空，不能含空格、斜杠或控制字符，最长 64 字节", "user name must be 1–64 bytes without spaces, slashes or control characters"))
	}
	if _, ok := RoleNames[u.Role]; !ok {
		c.add(Invalid(rec, "role", fmt.Sprintf("角色 %q 无效（%s）", u.Role, strings.Join(Roles, "、")), fmt.Sprintf("role %q invalid (%s)", u.Role, strings.Join(Roles, ", "))))
	}
	if sc, err := ParseScope(u.Scope); err != nil {
		for _, e := range FieldErrors(err) {
			c.add(Invalid(rec, "scope", e.ZH, e.EN))
			break
		}
	} else {
		u.Scope = sc.String()
		switch u.Role {
		case RoleTownshipOfficer:
			if len(sc.Prefix) != 9 {
				c.add(Invalid(rec, "scope", "乡镇党委用户的范围应为 9 位乡镇代码", "a township officer's scope must be a 9-digit township code"))
			}
		case RoleDepartmentOfficer:
			if len(sc.Prefix) != 6 {
				c.add(Invalid(rec, "scope", "涉农部门用户的范围应为 6 位县级代码", "a department officer's scope must be a 6-digit county code"))
			}
		case RoleCountyAdmin, RoleAuditor:
			if len(sc.Prefix) > 6 {
				c.add(Invalid(rec, "scope", "县委组织部和审计用户的范围应为县级或更大", "a county administrator's or auditor's scope must be a county or wider"))
			}
		}
	}
	switch u.Role {
	case RoleDepartmentOfficer, RoleBranchSecretary, RoleInstructor:
		c.required(rec, "subject", u.Subject, "该角色需要指定部门代码、组织编号或指导员身份证号", "this role needs a department code, an org_id or the instructor's ID number")
	default:
		u.Subject = ""
	}
	return c.err()
}

// Access returns what the user may see and do.
func (u *User) Access() *Access {
	sc, _ := ParseScope(u.Scope)
	return &Access{User: u.Name, Role: u.Role, Scope: sc, Subject: u.Subject}
}

// Access is the principal every scoped store call receives: the user's role,
// the division it works in and, for roles bound to a department, an org or
// an instructor, that subject. The store narrows every query by it; the
// zero Access sees nothing.
type Access struct {
	User    string
	Role    string
	Scope   Scope
	Subject string
}

// System is the Access of in-process callers (the command line): everything.
var System = &Access{User: "system", Role: RoleCountyAdmin}

// CanWrite reports whether the role may create, edit and end registry
// records: county administrators and township officers keep the registry.
func (a *Access) CanWrite() bool {
	return a.Role == RoleCountyAdmin || a.Role == RoleTownshipOfficer
}

// CanAdmin reports whether the role administers users and reads the audit log.
func (a *Access) CanAdmin() bool { return a.Role == RoleCountyAdmin }

// SeesPersonalData reports whether the role may see whole ID numbers and
// phone numbers (every such view is audited): those who keep the registry
// and branch secretaries, who contact their members.
func (a *Access) SeesPersonalData() bool {
	return a.CanWrite() || a.Role == RoleBranchSecretary
}

// ByDivision reports whether the role's reach is its whole scope (rather
// than a set of orgs inside it).
func (a *Access) ByDivision() bool {
	switch a.Role {
	case RoleCountyAdmin, RoleTownshipOfficer, RoleAuditor:
		return true
	}
	return false
}

// Narrow returns the part of the user's scope that the requested scope
// selects: the user's own scope for AllScope or a wider request, the
// request when it lies inside, and EFORBIDDEN when it lies outside.
func (a *Access) Narrow(req Scope) (Scope, error) {
	if a == nil || a.Role == "" {
		return Scope{}, Errorf(EUNAUTHORIZED, "请先登录", "please sign in")
	}
	switch {
	case req.Within(a.Scope):
		return req, nil
	case a.Scope.Within(req):
		return a.Scope, nil
	}
	return Scope{}, Errorf(EFORBIDDEN, "范围 %s 不在您的权限范围内", "scope %s lies outside yours", req)
}

// ELOCKED is the error code of a sign-in refused after too many failed
// attempts; the web maps it to HTTP 429.
const ELOCKED = "ELOCKED"
