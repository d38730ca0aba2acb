package plan

import (
	"sort"
)

// fill adds the orgs left after the cores to the branches with room, best
// match first over all orgs: same industry and a shared village, same
// industry, a shared village, any branch. When the room runs out, the orgs
// matching worst stay out (every choice places the same number).
func (b *builder) fill(groups []*group) {
	var rest []*item
	for _, it := range b.items {
		if !it.used {
			rest = append(rest, it)
		}
	}
	if len(rest) == 0 || len(groups) == 0 {
		return
	}
	// Stronger orgs first, so that a branch short of room takes them.
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].val > rest[j].val })
	byInd := map[string][]*group{}
	byVil := map[string][]*group{}
	for _, g := range groups {
		if g.industry != "" {
			byInd[g.industry] = append(byInd[g.industry], g)
		}
		for v := range g.villages {
			byVil[v] = append(byVil[v], g)
		}
	}
	for _, list := range byVil {
		sort.Slice(list, func(i, j int) bool { return list[i].members[0].org.OrgNo < list[j].members[0].org.OrgNo })
	}
	all := append([]*group(nil), groups...)
	join := func(it *item, g *group) {
		for _, v := range append([]string{it.org.Village}, it.org.Villages...) {
			if !g.villages[v] {
				g.villages[v] = true
				byVil[v] = append(byVil[v], g)
			}
		}
		b.use(it)
		g.add(it)
	}
	for level := 3; level >= 0; level-- {
		for _, it := range rest {
			if it.used {
				continue
			}
			ind := it.org.Industry
			sameInd := func(g *group) bool { return ind != "" && g.industry == ind }
			anyGroup := func(*group) bool { return true }
			var g *group
			switch level {
			case 3:
				g = pickVillage(byVil, it.org, sameInd)
			case 2:
				if ind != "" {
					l := byInd[ind]
					g = pick(&l, anyGroup)
					byInd[ind] = l
				}
			case 1:
				g = pickVillage(byVil, it.org, anyGroup)
			default:
				g = pick(&all, anyGroup)
			}
			if g != nil {
				join(it, g)
			}
		}
	}
}

// pickVillage returns a branch with room sharing a village with o and
// satisfying ok, or nil.
func pickVillage(byVil map[string][]*group, o *Org, ok func(*group) bool) *group {
	for _, v := range append([]string{o.Village}, o.Villages...) {
		l := byVil[v]
		g := pick(&l, ok)
		byVil[v] = l
		if g != nil {
			return g
		}
	}
	return nil
}

// pick returns the first group of the list with room satisfying ok, and
// drops the full groups from the list on the way.
func pick(list *[]*group, ok func(*group) bool) *group {
	l := *list
	j := 0
	var found *group
	for _, g := range l {
		if g.room <= 0 {
			continue
		}
		if found == nil && ok(g) {
			found = g
		}
		l[j] = g
		j++
	}
	*list = l[:j]
	return found
}
