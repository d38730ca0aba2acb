package xlsx

import (
	"context"

	"hezuo"
)

// Record kinds a Ref names.
const (
	RefDivision = "division"  // a division code: placed where it is
	RefOrg      = "org"       // 组织编号: its home village
	RefPerson   = "person"    // 身份证号: the home village and the home villages of the orgs of every membership
	RefPartyOrg = "party_org" // 党组织编号: its seat
	RefLoan     = "loan"      // 贷款编号: the division the loan is counted in
	RefHouse    = "household" // 户编号: its village
	RefTraining = "training"  // 培训编号: its place
)

// Ref names a record a row refers to, for the scope check.
type Ref struct{ Kind, Key string }

// ScopeStore is a Store that places stored records in divisions, for the
// check that a township officer's file stays within the township;
// *sqldb.DB implements it.
type ScopeStore interface {
	// Places returns, for the keys of stored records of one kind (a Ref
	// kind other than RefDivision), the division codes where each lies
	// (several for a person with memberships in several villages). Keys of
	// no stored record are left out.
	Places(ctx context.Context, kind string, keys []string) (map[string][]string, error)
}

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
func (b *Batch) checkScope(ctx context.Context, st Store) error {
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
		ss, ok := st.(ScopeStore)
		if !ok {
			return hezuo.Errorf(hezuo.EFORBIDDEN, "此存储不能检查管辖范围", "this store cannot check the scope")
		}
		for kind, keys := range want {
			got, err := ss.Places(ctx, kind, keys)
			if err != nil {
				return err
			}
			for k, codes := range got {
				places[Ref{kind, k}] = codes
			}
		}
	}
	scope := b.access.Scope
	for _, r := range rows {
		for _, c := range r.refs {
			if c.ref.Key == "" {
				continue
			}
			at := places[c.ref]
			if c.ref.Kind == RefDivision {
				at = []string{c.ref.Key}
			}
			if len(at) == 0 {
				continue
			}
			in := false
			for _, code := range at {
				in = in || scope.Contains(code)
			}
			if !in {
				b.fail(r.num, c.key, "不在您的管辖范围内（"+scope.String()+"）", "outside your scope ("+scope.String()+")")
			}
		}
	}
	return nil
}

// refsOf builds the refs of one row from column, kind and key triples.
func refsOf(num int, triples ...string) rowRefs {
	r := rowRefs{num: num}
	for i := 0; i+2 < len(triples); i += 3 {
		r.refs = append(r.refs, colRef{key: triples[i], ref: Ref{Kind: triples[i+1], Key: triples[i+2]}})
	}
	return r
}

func (d *divisionRows) refs() []rowRefs {
	out := make([]rowRefs, len(d.recs))
	for i, rec := range d.recs {
		out[i] = refsOf(d.nums[i], "code", RefDivision, rec.Code)
	}
	return out
}

func (o *orgRows) refs() []rowRefs {
	out := make([]rowRefs, len(o.rows))
	for i, r := range o.rows {
		out[i] = refsOf(r.num, "village", RefDivision, r.org.Village, "org_id", RefOrg, r.org.OrgNo)
	}
	return out
}

func (mr *memberRows) refs() []rowRefs {
	out := make([]rowRefs, len(mr.rows))
	for i, r := range mr.rows {
		out[i] = refsOf(r.num, "org_id", RefOrg, r.m.OrgNo)
	}
	return out
}

func (p *partyOrgRows) refs() []rowRefs {
	out := make([]rowRefs, len(p.rows))
	for i, r := range p.rows {
		out[i] = refsOf(r.num, "seat", RefDivision, r.po.Seat, "no", RefPartyOrg, r.po.No)
	}
	return out
}

func (ir *instructorRows) refs() []rowRefs {
	out := make([]rowRefs, len(ir.rows))
	for i, r := range ir.rows {
		town := r.in.Township
		if town != "" {
			town += "000"
		}
		out[i] = refsOf(r.num, "township", RefDivision, town)
	}
	return out
}

func (dr *dispatchRows) refs() []rowRefs {
	out := make([]rowRefs, len(dr.rows))
	for i, r := range dr.rows {
		out[i] = refsOf(r.num, "org_id", RefOrg, r.d.OrgNo)
	}
	return out
}

func (lr *loanRows) refs() []rowRefs {
	out := make([]rowRefs, len(lr.rows))
	for i, r := range lr.rows {
		out[i] = refsOf(r.num, "no", RefLoan, r.loan.No, "org_id", RefOrg, r.loan.OrgNo, "party_org", RefPartyOrg, r.loan.PartyOrg)
		if r.loan.OrgNo == "" {
			out[i].refs = append(out[i].refs, colRef{"borrower", Ref{RefPerson, r.loan.Borrower}})
		}
	}
	return out
}

func (tr *trainingRows) refs() []rowRefs {
	out := make([]rowRefs, len(tr.rows))
	for i, r := range tr.rows {
		out[i] = refsOf(r.num, "place", RefDivision, r.t.Place, "no", RefTraining, r.t.No)
	}
	return out
}

func (ar *attendanceRows) refs() []rowRefs {
	out := make([]rowRefs, len(ar.rows))
	for i, r := range ar.rows {
		out[i] = refsOf(r.num, "training", RefTraining, r.a.Training, "id_number", RefPerson, r.a.IDNumber, "org_id", RefOrg, r.a.OrgNo)
	}
	return out
}

func (pr *pairingRows) refs() []rowRefs {
	out := make([]rowRefs, len(pr.rows))
	for i, r := range pr.rows {
		out[i] = refsOf(r.num, "village", RefDivision, r.h.Village, "household", RefHouse, r.h.No, "id_number", RefPerson, r.p.IDNumber,
			"org_id", RefOrg, r.p.OrgNo)
	}
	return out
}

func (ur *unitPairingRows) refs() []rowRefs {
	out := make([]rowRefs, len(ur.rows))
	for i, r := range ur.rows {
		out[i] = refsOf(r.num, "village", RefDivision, r.p.Village, "org_id", RefOrg, r.p.OrgNo)
	}
	return out
}

func (mr *meetingRows) refs() []rowRefs {
	out := make([]rowRefs, len(mr.rows))
	for i, r := range mr.rows {
		out[i] = refsOf(r.num, "party_org", RefPartyOrg, r.m.PartyOrg)
	}
	return out
}

func (ar *meetingAttendanceRows) refs() []rowRefs {
	out := make([]rowRefs, len(ar.rows))
	for i, r := range ar.rows {
		out[i] = refsOf(r.num, "party_org", RefPartyOrg, r.a.PartyOrg, "id_number", RefPerson, r.a.IDNumber)
	}
	return out
}

func (cr *commitmentRows) refs() []rowRefs {
	out := make([]rowRefs, len(cr.rows))
	for i, r := range cr.rows {
		out[i] = refsOf(r.num, "id_number", RefPerson, r.c.IDNumber, "party_org", RefPartyOrg, r.c.PartyOrg)
	}
	return out
}

func (rr *repaymentRows) refs() []rowRefs {
	out := make([]rowRefs, len(rr.rows))
	for i, r := range rr.rows {
		out[i] = refsOf(r.num, "loan", RefLoan, r.r.LoanNo)
	}
	return out
}

func (gr *guaranteeRows) refs() []rowRefs {
	out := make([]rowRefs, len(gr.rows))
	for i, r := range gr.rows {
		out[i] = refsOf(r.num, "loan", RefLoan, r.g.LoanNo)
	}
	return out
}

func (cr *contactRows) refs() []rowRefs {
	out := make([]rowRefs, len(cr.rows))
	for i, r := range cr.rows {
		out[i] = refsOf(r.num, "household", RefHouse, r.c.Household, "id_number", RefPerson, r.c.IDNumber)
	}
	return out
}

func (vr *visitRows) refs() []rowRefs {
	out := make([]rowRefs, len(vr.rows))
	for i, r := range vr.rows {
		out[i] = refsOf(r.num, "household", RefHouse, r.v.Household, "id_number", RefPerson, r.v.IDNumber)
	}
	return out
}
