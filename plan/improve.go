package plan

// improveLimit bounds the orgs of an area that the local search examines
// (it tries every pair); larger areas keep the greedy result.
const improveLimit = 400

// tally counts a branch's full members, and its orgs per industry and per
// home village (area-local indexes), with the number of distinct ones.
type tally struct {
	full       int
	ind, vil   []int
	nInd, nVil int
}

// cost is the branch's secondary score, lower is better: an extra industry
// weighs more than any change of villages one swap can make.
func cost(nInd, nVil int) int { return 5*(nInd-1) + nVil - 1 }

// costSwap is the cost after a leaves the branch and b joins it.
func (t *tally) costSwap(a, b *item) int {
	ni, nv := t.nInd, t.nVil
	if a.ind != b.ind {
		if t.ind[a.ind] == 1 {
			ni--
		}
		if t.ind[b.ind] == 0 {
			ni++
		}
	}
	if a.vil != b.vil {
		if t.vil[a.vil] == 1 {
			nv--
		}
		if t.vil[b.vil] == 0 {
			nv++
		}
	}
	return cost(ni, nv)
}

func (t *tally) move(it *item, d int) {
	t.full += d * max(it.org.FullMembers, 0)
	if d > 0 && t.ind[it.ind] == 0 {
		t.nInd++
	}
	if d > 0 && t.vil[it.vil] == 0 {
		t.nVil++
	}
	t.ind[it.ind] += d
	t.vil[it.vil] += d
	if d < 0 && t.ind[it.ind] == 0 {
		t.nInd--
	}
	if d < 0 && t.vil[it.vil] == 0 {
		t.nVil--
	}
}

// improve swaps orgs between branches, or with orgs left out, while the
// secondary score falls and every branch keeps its full members. Swaps keep
// the number of branches and of orgs placed, so the optimum stays.
func (b *builder) improve(groups []*group) {
	if len(b.items) > improveLimit || len(groups) == 0 {
		return
	}
	inds, vils := map[string]int{}, map[string]int{}
	for _, it := range b.items {
		if _, ok := inds[it.org.Industry]; !ok {
			inds[it.org.Industry] = len(inds)
		}
		if _, ok := vils[it.org.Village]; !ok {
			vils[it.org.Village] = len(vils)
		}
		it.ind, it.vil, it.at = inds[it.org.Industry], vils[it.org.Village], -1
	}
	tallies := make([]*tally, len(groups))
	for gi, g := range groups {
		t := &tally{ind: make([]int, len(inds)), vil: make([]int, len(vils))}
		for _, it := range g.members {
			t.move(it, 1)
			it.at = gi
		}
		tallies[gi] = t
	}
	for pass := 0; pass < 10; pass++ {
		improved := false
		for i, x := range b.items {
			for _, y := range b.items[i+1:] {
				gx, gy := x.at, y.at
				if gx == gy {
					continue
				}
				if b.trySwap(groups, tallies, x, y, gx, gy) {
					x.at, y.at = gy, gx
					improved = true
				}
			}
		}
		if !improved {
			return
		}
	}
}

// trySwap exchanges x (in branch gx) and y (in gy; -1 = left out) when that
// lowers the score and keeps both branches valid, and reports whether it did.
func (b *builder) trySwap(groups []*group, tallies []*tally, x, y *item, gx, gy int) bool {
	delta := 0
	if gx >= 0 {
		t := tallies[gx]
		if t.full-max(x.org.FullMembers, 0)+max(y.org.FullMembers, 0) < b.m {
			return false
		}
		delta += t.costSwap(x, y) - cost(t.nInd, t.nVil)
	}
	if gy >= 0 {
		t := tallies[gy]
		if t.full-max(y.org.FullMembers, 0)+max(x.org.FullMembers, 0) < b.m {
			return false
		}
		delta += t.costSwap(y, x) - cost(t.nInd, t.nVil)
	}
	if delta >= 0 {
		return false
	}
	if gx >= 0 {
		tallies[gx].move(x, -1)
		tallies[gx].move(y, 1)
		replace(groups[gx], x, y)
	}
	if gy >= 0 {
		tallies[gy].move(y, -1)
		tallies[gy].move(x, 1)
		replace(groups[gy], y, x)
	}
	x.used, y.used = gy >= 0, gx >= 0
	return true
}

// replace puts in in out's place among g's members.
func replace(g *group, out, in *item) {
	for i, it := range g.members {
		if it == out {
			g.members[i] = in
			return
		}
	}
}
