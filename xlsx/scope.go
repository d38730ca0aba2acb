package xlsx

import (
	"context"

	"hezuo"
	"hezuo/store"
)

// Record kinds a Ref names.
const (
	RefDivision = "division"   // a division code: placed where it is
	RefOrg      = "org"        // 组织编号: its home village
	RefPerson   = "person"     // 身份证号: the home village, or without one the home villages of the orgs of every membership
	RefInstr    = "instructor" // 身份证号 of an instructor: the township dispatching them
	RefPartyOrg = "party_org"  // 党组织编号: its seat
	RefLoan     = "loan"       // 贷款编号: the division the loan is counted in
	RefHouse    = "household"  // 户编号: its village
	RefTraining = "training"   // 培训编号: its place
)

// Ref names a record a row refers to, for the scope check.
type Ref struct{ Kind, Key string }

// colRef is a record a row refers to in one of its columns.
type colRef struct {
	key string // the column
	ref Ref
}

// rowRefs are the records one row refers to: it lies in the user's scope
// when each of them does.
type rowRefs struct {
	num  int
	refs []colRef
}

// scopedRows is a KIND's row converter that names the records of its rows.
type scopedRows interface {
	refs() []rowRefs
}

// limited reports whether the access confines an import to a part of the
// county (everyone but county administrators and the command line).
func limited(a *hezuo.Access) bool {
	return a != nil && a.Role != hezuo.RoleCountyAdmin
}

// checkScope reports a problem on every row that refers to a record (or
// gives a division) outside the importing user's scope: "不在您的管辖范围内".
// A ref to no stored record (a new org, an unknown person) places nothing:
// the row's own divisions decide, and the KIND's plan reports unknown keys.
func (b *Batch) checkScope(ctx context.Context, st store.Records) error {
	if !limited(b.access) {
		return nil
	}
	if !b.access.CanWrite() {
		return hezuo.Errorf(hezuo.EFORBIDDEN, "您的角色不能导入数据", "your role cannot import data")
	}
	sr, ok := b.kind.(scopedRows)
	if !ok {
		return hezuo.Errorf(hezuo.EFORBIDDEN, "此类数据只能由县委组织部管理员导入", "only county administrators import this KIND")
	}
	rows := sr.refs()
	want := map[string][]string{} // kind → keys
	seen := map[Ref]bool{}
	for _, r := range rows {
		for _, c := range r.refs {
			if c.ref.Kind != RefDivision && c.ref.Key != "" && !seen[c.ref] {
				seen[c.ref] = true
				want[c.ref.Kind] = append(want[c.ref.Kind], c.ref.Key)
			}
		}
	}
	places := map[Ref][]string{}
	if len(want) > 0 {
		for kind, keys := range want {
			got, err := st.Places(ctx, kind, keys)
			if err != nil {
				return err
			}
			for k, codes := range got {
				places[Ref{kind, k}] = codes
			}
		}
	}
	for _, r := range rows {
		for _, c := range r.refs {
			if c.ref.Key == "" {
				continue
			}
			at := places[c.ref]
			if c.ref.Kind == RefDivision {
				at = []string{c.ref.Key}
			}
			// The one scope decision of every write (hezuo reach.go): every
			// place the record lies in must be inside the scope; the answer
			// is the same for a record that does not exist.
			if !b.access.MayWriteAt(at) {
				e := hezuo.OutOfReach("", "")
				b.fail(r.num, c.key, e.ZH, e.EN)
			}
		}
	}
	return nil
}
