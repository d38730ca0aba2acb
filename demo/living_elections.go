package demo

import (
	"hezuo"
)

// Last: the draws of the steps before it stay as they were.
var _ = liveSteps.add(80, (*living).elections)

// lateElections is how many party organizations covering orgs let a term
// that ran out in the last months before today pass without an election:
// the check of today shows them as 换届到期.
const lateElections = 3

// lateWindow is how recent (in days before today) the end of such a term is.
const lateWindow = 240

// elections re-elects every party organization with a term at its term's
// end after the seed day: a few weeks early, as the 换届 is prepared; those
// whose term had already run out on the seed day (the seed's irregular
// ones) a few weeks to months after it. lateElections of the branches and
// joint branches whose term ended in the last lateWindow days are left
// without their election. Each party organization keeps every election in
// Elections, ElectedOn the latest, so the term rule on the seed day reads
// the seed's election.
func (lv *living) elections() {
	b := lv.b
	type due struct {
		po   int
		kept int // elections before the last one
	}
	var lateCands []due
	for i := range b.pos {
		po := &b.pos[i]
		years := po.TermYears
		if years == 0 {
			years = lv.s.TermYears(po.Form)
		}
		if years <= 0 || po.ElectedOn.IsZero() || (!po.To.IsZero() && !po.To.After(lv.from)) {
			continue
		}
		hist := []hezuo.Election{{On: po.ElectedOn}}
		last := po.ElectedOn
		for {
			end := last.AddPeriod(years, 0)
			if end.After(lv.today) {
				break
			}
			next, note := end.AddDays(-1-b.r.IntN(45)), "按期换届"
			if !end.After(lv.seed) { // already expired on the seed day
				next, note = lv.from.AddDays(20+b.r.IntN(90)), "届满后补行换届"
			}
			next = later(next, lv.from)
			if next.After(lv.today) || (!po.To.IsZero() && !next.Before(po.To)) {
				break
			}
			if (po.Form == hezuo.FormBranch || po.Form == hezuo.FormJointBranch) && end.After(lv.seed) &&
				lv.today.AddDays(-lateWindow).Before(end) {
				lateCands = append(lateCands, due{po: i, kept: len(hist)})
			}
			hist = append(hist, hezuo.Election{On: next, Note: note})
			last = next
		}
		if len(hist) > 1 {
			po.Elections, po.ElectedOn = hist, last
		}
	}
	// Some let the latest term pass: their last election is not held.
	for _, k := range b.r.Perm(len(lateCands))[:min(lateElections, len(lateCands))] {
		c := lateCands[k]
		po := &b.pos[c.po]
		po.Elections = po.Elections[:c.kept]
		po.ElectedOn = po.Elections[c.kept-1].On
		if c.kept == 1 {
			po.Elections = nil // the seed's election alone, as the seed has it
		}
	}
}
