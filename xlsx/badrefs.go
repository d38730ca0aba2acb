package xlsx

import (
	"context"

	"hezuo"
	"hezuo/store"
)

// A row with a problem of its own (a date that does not exist, an empty
// required cell) is not converted into a record, so the KIND's plan never
// compares it with the stored records. Its references to an org (组织编号)
// and a village (所在村) are still checked, so that one check of a file
// reports every problem of every row: an unknown org is not left for after
// the other errors are fixed.

// badRef is a reference in a row that was not read whole.
type badRef struct {
	num int    // the row
	key string // the column
	ref Ref
}

// maxBadRefs bounds the references kept of rows with problems.
const maxBadRefs = 100_000

// noteBadRefs keeps the org and village references of row r, which has
// the problems probs, except those of a column that has a problem already.
func (b *Batch) noteBadRefs(r *rowCtx, probs []Problem) {
	if len(b.badRefs) >= maxBadRefs {
		return
	}
	blamed := func(key string) bool {
		for _, p := range probs {
			if p.Row == r.num && p.Column == b.bind.header[key] {
				return true
			}
		}
		return false
	}
	note := func(key, kind string) {
		if !r.has(key) || blamed(key) {
			return
		}
		v := Code(r.raw(key))
		if kind == RefOrg {
			v = Key(r.raw(key))
		}
		if v != "" {
			b.badRefs = append(b.badRefs, badRef{num: r.num, key: key, ref: Ref{kind, v}})
		}
	}
	if b.Schema.Kind != "orgs" {
		note("org_id", RefOrg)
	}
	if b.Schema.Kind != "divisions" {
		note("village", RefDivision)
	}
}

// checkBadRefs reports, beside its column, every reference of a row with
// problems to an org or village that is not stored. For a user confined to
// a part of the county the answer is the scope check's "不存在或无权访问",
// the same for a record that exists outside the scope.
func (b *Batch) checkBadRefs(ctx context.Context, st store.Records) error {
	if len(b.badRefs) == 0 {
		return nil
	}
	probe := &hezuo.Dataset{}
	var orgKeys []string
	seen := map[Ref]bool{}
	for _, br := range b.badRefs {
		if seen[br.ref] {
			continue
		}
		seen[br.ref] = true
		switch br.ref.Kind {
		case RefOrg:
			probe.Memberships = append(probe.Memberships, hezuo.Membership{OrgNo: br.ref.Key})
			orgKeys = append(orgKeys, br.ref.Key)
		case RefDivision:
			probe.Divisions = append(probe.Divisions, hezuo.Division{Code: br.ref.Key})
		}
	}
	have, err := st.Existing(ctx, probe)
	if err != nil {
		return err
	}
	known := map[Ref]bool{}
	for _, o := range have.Orgs {
		known[Ref{RefOrg, o.OrgNo}] = true
	}
	for _, d := range have.Divisions {
		known[Ref{RefDivision, d.Code}] = hezuo.LevelOf(d.Code) == hezuo.LevelVillage
	}
	lim := limited(b.access)
	places := map[Ref][]string{}
	if lim && len(orgKeys) > 0 {
		got, err := st.Places(ctx, RefOrg, orgKeys)
		if err != nil {
			return err
		}
		for k, codes := range got {
			places[Ref{RefOrg, k}] = codes
		}
	}
	for _, br := range b.badRefs {
		at := places[br.ref]
		if br.ref.Kind == RefDivision {
			at = []string{br.ref.Key}
		}
		switch {
		case lim && (!known[br.ref] || !b.access.MayWriteAt(at)):
			e := hezuo.OutOfReach("", "")
			b.fail(br.num, br.key, e.ZH, e.EN)
		case known[br.ref]:
		case br.ref.Kind == RefOrg:
			b.fail(br.num, br.key, "未知的组织编号 "+br.ref.Key+"（请先导入合作组织）", "unknown org_id "+br.ref.Key+" (import the orgs first)")
		default:
			b.fail(br.num, br.key, "未知的村 "+br.ref.Key+"（请先导入区划）", "unknown village "+br.ref.Key+" (import the divisions first)")
		}
	}
	return nil
}
