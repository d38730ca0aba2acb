package store

import (
	"context"
	"hezuo"
	"strconv"
	"strings"
	"time"
)

// Registry is the door to the divisions and the orgs (合作组织), and the pickers that find a record by part of its name.
//
// Errors are *hezuo.Error with a code: EINVALID (a field out of its bounds or
// its rules, with the field named), EFORBIDDEN (the role may not do it),
// ENOTFOUND (no such record, or one outside the user's scope: the two are
// never told apart), ECONFLICT (a stale version, a taken number); any other
// error is the database's.
type Registry interface {
	// ListDivisions returns a page of the divisions in a's scope (Form selects a
	// level) with the number of orgs a may see in each, and their number;
	// sorted by f.Sort (code, name, level, orgs).
	ListDivisions(ctx context.Context, a *hezuo.Access, f hezuo.ListFilter, today hezuo.Date) ([]hezuo.DivisionItem, int, error)
	// DivisionNames returns the names of the divisions of a level (township,
	// village…) inside the requested scope, which a may see, keyed by their
	// digits of their level (9 for a township, 12 for a village…): the
	// dashboard's labels, without the org counts of ListDivisions.
	DivisionNames(ctx context.Context, a *hezuo.Access, req hezuo.Scope, level string) (map[string]string, error)
	// DivisionNamesOf returns the names of the divisions with the given codes
	// (any form: 222424, 222424103, 222424103201, 222424000000…), keyed by the
	// code as given; a code the divisions do not hold is left out. It answers
	// a page's rows in one query per divNameBatch codes, not one per row.
	// Division names are reference data (a county's villages and the names
	// above it are public statistical codes), so no scope is asked: callers
	// pass the codes of records they were allowed to read.
	DivisionNamesOf(ctx context.Context, codes []string) (map[string]string, error)
	// OrgNamesOf returns the names of the orgs with the given 组织编号 that a
	// may see today (orgAccess), keyed by number; others are left out, so a list
	// shows them by number only, as before. One query per divNameBatch
	// numbers: a page's rows at once.
	OrgNamesOf(ctx context.Context, a *hezuo.Access, nos []string, today hezuo.Date) (map[string]string, error)
	// ListOrgs returns one page of the orgs a may see that the filter selects,
	// and how many there are. A filter scope outside a's is EFORBIDDEN.
	ListOrgs(ctx context.Context, a *hezuo.Access, f hezuo.OrgFilter, today hezuo.Date) (*hezuo.OrgList, error)
	// GetOrg returns the org orgNo with its current member count, its party
	// organizations and instructors on day, and its rule result on day (nil when
	// the org does not exist that day). An org a may not see today is
	// ENOTFOUND (reach is today's, whatever day is shown).
	GetOrg(ctx context.Context, a *hezuo.Access, orgNo string, day, today hezuo.Date) (*hezuo.OrgDetail, error)
	// OrgsByTownship counts the orgs a may see in the requested scope existing
	// on day, by township (9 digits) and kind; for a province or wider whose
	// orgs lie in more than one prefecture, by prefecture (4 digits). The result may be shared with
	// other callers (the summaries' cache): read it, never change it.
	OrgsByTownship(ctx context.Context, a *hezuo.Access, req hezuo.Scope, day hezuo.Date) (map[string]map[string]int, error)
	// SaveOrg creates (version 0) or updates (version = the version read) the
	// org o as a: validated by Org.Validate, written by the same loader as Load,
	// in one transaction with its audit entry (before and after). Only roles
	// that keep the registry write, and only orgs whose home village lies in
	// their scope; an existing org outside it is ENOTFOUND, a stale version or
	// a taken 组织编号 or credit code ECONFLICT. It returns the new version.
	// A new org whose 组织编号 is blank gets the next number of its township's
	// series (numbers.go), set in o once saved.
	SaveOrg(ctx context.Context, a *hezuo.Access, o *hezuo.Org, version int, now time.Time) (_ int, err error)
	// EndOrg dissolves the org orgNo on day (the org stops counting from that
	// day; nothing is deleted), as SaveOrg does with its checks.
	EndOrg(ctx context.Context, a *hezuo.Access, orgNo string, day hezuo.Date, version int, now time.Time) (int, error)
	// Pick answers a picker. A Within outside a's scope is EFORBIDDEN, an
	// unknown kind or a longer query EINVALID.
	Pick(ctx context.Context, a *hezuo.Access, pq PickQuery, today hezuo.Date) ([]PickItem, error)
	// PersonIDNumber returns the ID number of the person with database id, for
	// a write that names the person by it (a form's picker): only roles that
	// write, only people a may see or the registered guarantors of its
	// counties (ENOTFOUND otherwise). The number is not
	// shown to anyone: the write it goes into decides, as for a typed one.
	PersonIDNumber(ctx context.Context, a *hezuo.Access, id int64, today hezuo.Date) (string, error)
}

// PickLimit bounds a picker's answer; PickMaxQuery the runes of its query.
const (
	PickLimit    = 20
	PickMaxQuery = 40
)

// PickItem is one answer of a picker: the value the form submits (a
// division code, 组织编号, 党组织编号, or "#" and a person's database id),
// the name shown, and a detail telling like-named records apart (a code,
// the township, or a masked ID number).
type PickItem struct {
	Value  string `json:"value"`
	Label  string `json:"label"`
	Detail string `json:"detail,omitempty"`
	Level  string `json:"level,omitempty"` // divisions: county, township, village
}

// PickQuery asks for the records of Kind whose name holds Q (people: whose
// name starts with Q outside a township; the last four characters of an ID
// number, in a county or narrower; a whole ID number by its keyed hash for
// the roles that see whole numbers), inside the division Within
// (a prefix, "" for the user's scope). Code asks instead for the one record
// with that value (a form's stored value, to show its name). Level limits
// divisions to one level.
type PickQuery struct {
	Kind, Q, Within, Code, Level string
}

// PersonRef reads a person picker's value: "#" and a database id.
func PersonRef(v string) (int64, bool) {
	if !strings.HasPrefix(v, "#") {
		return 0, false
	}
	id, err := strconv.ParseInt(v[1:], 10, 64)
	return id, err == nil && id > 0
}
