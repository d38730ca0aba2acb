package plan

import "encoding/binary"

// The optimum of one area. Only an org's full members matter to the primary
// objectives, and only up to M = JointMinFull: an org with M or more ("H")
// makes a group with any other org. Values are therefore capped at M and an
// area is a vector c[0..M] of counts. For g disjoint valid groups (2..K orgs,
// ≥ M full members each) the remaining orgs can fill the free places, so the
// most orgs placed with g groups is min(n, g·K): the whole problem reduces to
// gmax, the largest number of disjoint valid groups (see doc.go for the proof
// of each step below).

// stateLimit bounds the memo of the general dynamic programme; beyond it the
// residual is solved greedily and the area is marked inexact.
const stateLimit = 1 << 21

// solver answers gmax for count vectors of one area, memoising the general
// case. It is not safe for concurrent use.
type solver struct {
	m, k     int
	patterns [][][]int // residual minimal patterns by largest value, as counts
	memo     map[string]int
	key      []byte
	inexact  bool // a residual was too large for the exact programme
}

// newSolver returns a solver for an area whose capped values present are
// marked (len m+1).
func newSolver(m, k int, present []bool) *solver {
	s := &solver{m: m, k: k}
	if m >= 4 || (m == 3 && k < 3) {
		s.patterns = residualPatterns(m, k, present)
		s.memo = map[string]int{}
	}
	return s
}

// gmax returns the largest number of disjoint valid groups among orgs whose
// capped values are counted by c (len m+1).
func (s *solver) gmax(c []int) int {
	if s.k < 2 {
		return 0
	}
	h, rest := c[s.m], 0
	for v := 0; v < s.m; v++ {
		rest += c[v]
	}
	if h >= rest {
		return rest + (h-rest)/2
	}
	// Each H pairs with one of the smallest other orgs (exchange argument).
	r := make([]int, s.m)
	copy(r, c[:s.m])
	for v, need := 0, h; v < s.m && need > 0; v++ {
		t := min(r[v], need)
		r[v] -= t
		need -= t
	}
	r[0] = 0 // orgs with no full members only ever help an H
	return h + s.residual(r)
}

// residual returns the most disjoint groups among orgs of values 1..m-1
// (counted by r), where every group needs at least two orgs anyway.
func (s *solver) residual(r []int) int {
	switch {
	case s.m <= 1:
		return 0
	case s.m == 2:
		return r[1] / 2
	case s.m == 3 && s.k >= 3:
		// Ones and twos: {2,1} and {2,2} use two orgs, {1,1,1} three.
		if r[1] >= r[2] {
			return r[2] + (r[1]-r[2])/3
		}
		return (r[1] + r[2]) / 2
	}
	states := 1
	for v := 1; v < s.m; v++ {
		states *= r[v] + 1
		if states > stateLimit {
			s.inexact = true
			return greedyResidual(r, s.m, s.k)
		}
	}
	return s.rec(r)
}

// rec is the exact programme: the largest remaining org is in some optimal
// group (swap it for a smaller member otherwise), and that group may be
// shrunk to a minimal one still holding it, so branch on those patterns.
func (s *solver) rec(r []int) int {
	top, sum := 0, 0
	for v := 1; v < s.m; v++ {
		if r[v] > 0 {
			top = v
			sum += v * r[v]
		}
	}
	if sum < s.m {
		return 0
	}
	s.key = s.key[:0]
	for v := 1; v < s.m; v++ {
		s.key = binary.AppendUvarint(s.key, uint64(r[v]))
	}
	if g, ok := s.memo[string(s.key)]; ok {
		return g
	}
	k := string(s.key)
	best := 0
	for _, p := range s.patterns[top] {
		if !fits(p, r) {
			continue
		}
		for v, n := range p {
			r[v] -= n
		}
		if g := 1 + s.rec(r); g > best {
			best = g
		}
		for v, n := range p {
			r[v] += n
		}
	}
	s.memo[k] = best
	return best
}

func fits(p, r []int) bool {
	for v, n := range p {
		if n > r[v] {
			return false
		}
	}
	return true
}

// residualPatterns lists, by largest value, the minimal groups of the
// present values among 1..m-1 with at most k orgs: sum ≥ m, and
// sum − smallest < m.
func residualPatterns(m, k int, present []bool) [][][]int {
	out := make([][][]int, m)
	cur := make([]int, m)
	var walk func(maxV, size, sum, smallest int)
	walk = func(maxV, size, sum, smallest int) {
		if sum >= m {
			if size >= 2 && sum-smallest < m {
				top := len(cur) - 1
				for cur[top] == 0 {
					top--
				}
				out[top] = append(out[top], append([]int(nil), cur...))
			}
			return
		}
		if size == k {
			return
		}
		for v := maxV; v >= 1; v-- { // non-increasing values: each multiset once
			if !present[v] {
				continue
			}
			cur[v]++
			walk(v, size+1, sum+v, v)
			cur[v]--
		}
	}
	walk(m-1, 0, 0, m)
	return out
}

// greedyResidual is the fallback for huge residuals of unusual settings:
// the largest org, then the largest that does not overshoot, until ≥ m.
func greedyResidual(r []int, m, k int) int {
	r = append([]int(nil), r...)
	g := 0
	for {
		top := m - 1
		for top >= 1 && r[top] == 0 {
			top--
		}
		if top < 1 {
			return g
		}
		r[top]--
		sum, size := top, 1
		for sum < m && size < k {
			v := min(m-sum, m-1)
			for v >= 1 && r[v] == 0 {
				v--
			}
			if v < 1 { // nothing small enough: the smallest that overshoots
				for v = m - sum + 1; v < m && r[v] == 0; v++ {
				}
				if v >= m {
					break
				}
			}
			r[v]--
			sum += v
			size++
		}
		if sum < m {
			return g
		}
		g++
	}
}
