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
	return refsEach(o.rows, func(r orgRow) rowRefs {
		refs := refsOf(r.num, "village", RefDivision, r.org.Village, "org_id", RefOrg, r.org.OrgNo)
		for _, v := range r.org.Villages {
			refs.refs = append(refs.refs, colRef{"villages", Ref{RefDivision, v}})
		}
		return refs
	})
}

func (mr *memberRows) refs() []rowRefs {
	return refsEach(mr.rows, func(r memberRow) rowRefs {
		return refsOf(r.num, "org_id", RefOrg, r.m.OrgNo, "id_number", RefPerson, r.person.IDNumber, "village", RefDivision, r.person.Village)
	})
}

func (p *partyOrgRows) refs() []rowRefs {
	return refsEach(p.rows, func(r partyOrgRow) rowRefs {
		refs := refsOf(r.num, "seat", RefDivision, r.po.Seat, "no", RefPartyOrg, r.po.No,
			"parent", RefPartyOrg, r.po.Parent, "manager", RefPartyOrg, r.po.Manager)
		for _, o := range r.po.Orgs {
			refs.refs = append(refs.refs, colRef{"orgs", Ref{RefOrg, o}})
		}
		for _, v := range r.po.Villages {
			refs.refs = append(refs.refs, colRef{"villages", Ref{RefDivision, v}})
		}
		return refs
	})
}

func (ir *instructorRows) refs() []rowRefs {
	out := make([]rowRefs, len(ir.rows))
	for i, r := range ir.rows {
		town := r.in.Township
		if town != "" {
			town += "000"
		}
		out[i] = refsOf(r.num, "township", RefDivision, town, "id_number", RefPerson, r.person.IDNumber, "id_number", RefInstr, r.in.IDNumber)
	}
	return out
}

func (dr *dispatchRows) refs() []rowRefs {
	return refsEach(dr.rows, func(r dispatchRow) rowRefs {
		return refsOf(r.num, "org_id", RefOrg, r.d.OrgNo, "id_number", RefInstr, r.d.IDNumber)
	})
}

func (lr *loanRows) refs() []rowRefs {
	return refsEach(lr.rows, func(r loanRow) rowRefs {
		refs := refsOf(r.num, "no", RefLoan, r.loan.No, "org_id", RefOrg, r.loan.OrgNo, "party_org", RefPartyOrg, r.loan.PartyOrg)
		if r.loan.OrgNo == "" {
			refs.refs = append(refs.refs, colRef{"borrower", Ref{RefPerson, r.loan.Borrower}})
		}
		return refs
	})
}

func (tr *trainingRows) refs() []rowRefs {
	return refsEach(tr.rows, func(r trainingRow) rowRefs {
		return refsOf(r.num, "place", RefDivision, r.t.Place, "no", RefTraining, r.t.No)
	})
}

func (ar *attendanceRows) refs() []rowRefs {
	return refsEach(ar.rows, func(r attendanceRow) rowRefs {
		return refsOf(r.num, "training", RefTraining, r.a.Training, "id_number", RefPerson, r.a.IDNumber, "org_id", RefOrg, r.a.OrgNo)
	})
}

func (pr *pairingRows) refs() []rowRefs {
	return refsEach(pr.rows, func(r pairingRow) rowRefs {
		return refsOf(r.num, "village", RefDivision, r.h.Village, "household", RefHouse, r.h.No, "id_number", RefPerson, r.p.IDNumber,
			"org_id", RefOrg, r.p.OrgNo)
	})
}

func (ur *unitPairingRows) refs() []rowRefs {
	return refsEach(ur.rows, func(r unitPairingRow) rowRefs {
		return refsOf(r.num, "village", RefDivision, r.p.Village, "org_id", RefOrg, r.p.OrgNo)
	})
}

func (mr *meetingRows) refs() []rowRefs {
	return refsEach(mr.rows, func(r meetingRow) rowRefs {
		return refsOf(r.num, "party_org", RefPartyOrg, r.m.PartyOrg, "village_party_org", RefPartyOrg, r.m.VillagePartyOrg)
	})
}

func (ar *meetingAttendanceRows) refs() []rowRefs {
	return refsEach(ar.rows, func(r meetingAttendanceRow) rowRefs {
		return refsOf(r.num, "party_org", RefPartyOrg, r.a.PartyOrg, "id_number", RefPerson, r.a.IDNumber)
	})
}

func (cr *commitmentRows) refs() []rowRefs {
	return refsEach(cr.rows, func(r commitmentRow) rowRefs {
		return refsOf(r.num, "id_number", RefPerson, r.c.IDNumber, "party_org", RefPartyOrg, r.c.PartyOrg)
	})
}

func (rr *repaymentRows) refs() []rowRefs {
	return refsEach(rr.rows, func(r repaymentRow) rowRefs {
		return refsOf(r.num, "loan", RefLoan, r.r.LoanNo)
	})
}

func (gr *guaranteeRows) refs() []rowRefs {
	return refsEach(gr.rows, func(r guaranteeRow) rowRefs {
		return refsOf(r.num, "loan", RefLoan, r.g.LoanNo)
	})
}

func (cr *contactRows) refs() []rowRefs {
	return refsEach(cr.rows, func(r contactRow) rowRefs {
		return refsOf(r.num, "household", RefHouse, r.c.Household, "id_number", RefPerson, r.c.IDNumber)
	})
}

func (vr *visitRows) refs() []rowRefs {
	return refsEach(vr.rows, func(r visitRow) rowRefs {
		return refsOf(r.num, "household", RefHouse, r.v.Household, "id_number", RefPerson, r.v.IDNumber)
	})
}

// refsEach returns the references of each row of a KIND.
func refsEach[R any](rows []R, of func(R) rowRefs) []rowRefs {
	out := make([]rowRefs, len(rows))
	for i, r := range rows {
		out[i] = of(r)
	}
	return out
}
