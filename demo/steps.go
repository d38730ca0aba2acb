package demo

import (
	"fmt"
	"maps"
	"slices"
)

// The platforms' records are made by steps each platform registers from
// its own file with its place: seedSteps after the registry of the seed
// county (platforms), liveSteps after the seed day (live). Every step
// draws from the one random source, so the places fix the data: a step
// moved, or one added before another, changes every record made after it
// — add a new platform's steps after the others.
var (
	seedSteps = steps[func(*builder, *platformSet)]{}
	liveSteps = steps[func(*living)]{}
)

// steps are a phase's steps by place.
type steps[F any] map[int]F

// add registers step f at place at; it panics on a place taken.
func (s steps[F]) add(at int, f F) bool {
	if _, taken := s[at]; taken {
		panic(fmt.Sprintf("demo: two steps at place %d", at))
	}
	s[at] = f
	return true
}

// inOrder returns the steps by place.
func (s steps[F]) inOrder() []F {
	out := make([]F, 0, len(s))
	for _, at := range slices.Sorted(maps.Keys(s)) {
		out = append(out, s[at])
	}
	return out
}
