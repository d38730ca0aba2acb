package plan

import (
	"sort"

	"hezuo/rules"
)

// item is one org of an area with its capped full members.
type item struct {
	org      *Org
	val      int
	used     bool
	clusters []*cluster
	ind, vil int // area-local industry and village indexes (improve)
	at       int // branch index during improve, -1 when left out
}

// cluster is a set of an area's orgs that suit one branch (same industry
// and village, same industry, same village, or the whole area), with a
// queue of its orgs per capped value.
type cluster struct {
	queues [][]*item
	head   []int
	avail  []int
}

// group is a branch being built.
type group struct {
	members  []*item
	industry string
	villages map[string]bool
	room     int
}

// builder builds one area's branches.
type builder struct {
	m, k     int
	sv       *solver
	items    []*item
	counts   []int // orgs not yet in a group, per capped value
	full     int   // full members of the area's orgs
	clusters []*cluster
	patterns [][]int // minimal groups as counts per value, preferred first
	areaZH   string  // the area's name in reasons
	areaEN   string
}

func newBuilder(orgs []*Org, s rules.Settings) *builder {
	m, k := max(s.JointMinFull, 0), s.JointMaxUnits
	b := &builder{m: m, k: k, counts: make([]int, m+1)}
	present := make([]bool, m+1)
	for _, o := range orgs {
		f := max(o.FullMembers, 0)
		it := &item{org: o, val: min(f, m)}
		b.items = append(b.items, it)
		b.counts[it.val]++
		b.full += f
		present[it.val] = true
	}
	b.sv = newSolver(m, k, present)
	b.patterns = constructionPatterns(m, k, present)
	b.makeClusters()
	return b
}

// constructionPatterns lists the minimal valid groups over capped values
// 0..m: an H-org with one partner, and the residual minimal groups; fewest
// orgs first, then least surplus of full members.
func constructionPatterns(m, k int, present []bool) [][]int {
	if k < 2 {
		return nil
	}
	var out [][]int
	for v := 0; v <= m; v++ {
		p := make([]int, m+1)
		p[m]++
		p[v]++
		out = append(out, p)
	}
	for _, byTop := range residualPatterns(m, k, present) {
		for _, r := range byTop {
			out = append(out, append(r, 0))
		}
	}
	sum := func(p []int) (n, s int) {
		for v, c := range p {
			n += c
			s += v * c
		}
		return
	}
	sort.SliceStable(out, func(i, j int) bool {
		ni, si := sum(out[i])
		nj, sj := sum(out[j])
		return ni < nj || ni == nj && si < sj
	})
	return out
}

// makeClusters builds the clusters in order of preference, each listing
// its orgs so that neighbours come out together.
func (b *builder) makeClusters() {
	type key struct{ industry, village string }
	type keyed struct {
		key   key
		items []*item
	}
	groupBy := func(of func(*Org) (key, bool), less func(a, b *Org) bool) []keyed {
		m := map[key][]*item{}
		for _, it := range b.items {
			if k, ok := of(it.org); ok {
				m[k] = append(m[k], it)
			}
		}
		var out []keyed
		for k, its := range m {
			if len(its) >= 2 {
				sort.SliceStable(its, func(i, j int) bool { return less(its[i].org, its[j].org) })
				out = append(out, keyed{k, its})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			a, c := out[i], out[j]
			if len(a.items) != len(c.items) {
				return len(a.items) > len(c.items)
			}
			return a.key.industry < c.key.industry || a.key.industry == c.key.industry && a.key.village < c.key.village
		})
		return out
	}
	byVillage := func(a, b *Org) bool { return a.Village < b.Village || a.Village == b.Village && a.OrgNo < b.OrgNo }
	byIndustry := func(a, b *Org) bool { return a.Industry < b.Industry || a.Industry == b.Industry && byVillage(a, b) }
	var all []keyed
	all = append(all, groupBy(func(o *Org) (key, bool) { return key{o.Industry, o.Village}, o.Industry != "" }, byVillage)...)
	all = append(all, groupBy(func(o *Org) (key, bool) { return key{o.Industry, ""}, o.Industry != "" }, byVillage)...)
	all = append(all, groupBy(func(o *Org) (key, bool) { return key{"", o.Village}, true }, byIndustry)...)
	all = append(all, groupBy(func(o *Org) (key, bool) { return key{}, true }, byIndustry)...)
	for _, kc := range all {
		c := &cluster{queues: make([][]*item, b.m+1), head: make([]int, b.m+1), avail: make([]int, b.m+1)}
		for _, it := range kc.items {
			c.queues[it.val] = append(c.queues[it.val], it)
			c.avail[it.val]++
			it.clusters = append(it.clusters, c)
		}
		b.clusters = append(b.clusters, c)
	}
}

// use takes an org out of the pool.
func (b *builder) use(it *item) {
	it.used = true
	b.counts[it.val]--
	for _, c := range it.clusters {
		c.avail[it.val]--
	}
}

// take returns the cluster's first org of value v still in the pool.
func (c *cluster) take(v int) *item {
	q := c.queues[v]
	for q[c.head[v]].used {
		c.head[v]++
	}
	return q[c.head[v]]
}

// cores commits up to target minimal groups, preferring clusters in order,
// and only groups after which the pool still allows the remaining target.
func (b *builder) cores(target int) []*group {
	var out []*group
	for _, c := range b.clusters {
		for len(out) < target {
			p := b.feasible(c, target-len(out)-1)
			if p == nil {
				break
			}
			g := &group{villages: map[string]bool{}, room: b.k}
			for v := len(p) - 1; v >= 0; v-- { // strongest first: it names the branch's industry
				for n := 0; n < p[v]; n++ {
					it := c.take(v)
					b.use(it)
					g.add(it)
				}
			}
			g.industry = g.members[0].org.Industry
			out = append(out, g)
		}
	}
	return out
}

// feasible returns the first pattern the cluster can supply that leaves a
// pool still allowing rest more groups, or nil.
func (b *builder) feasible(c *cluster, rest int) []int {
	for _, p := range b.patterns {
		if !fits(p, c.avail) {
			continue
		}
		for v, n := range p {
			b.counts[v] -= n
		}
		ok := b.sv.gmax(b.counts) >= rest
		for v, n := range p {
			b.counts[v] += n
		}
		if ok {
			return p
		}
	}
	return nil
}

func (g *group) add(it *item) {
	g.members = append(g.members, it)
	g.room--
	for _, v := range it.org.Villages {
		g.villages[v] = true
	}
	g.villages[it.org.Village] = true
}
