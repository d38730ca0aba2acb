// Package plan turns the rules into proposals a township officer can accept:
// joint party branches (联合党支部) for the orgs that need a party group or a
// joint branch and have none, and instructor dispatches (党建工作指导员) for
// the orgs with no party members and no instructor.
//
// The package is pure: structs in, structs out, no I/O, no clock. The store
// (sqldb) gathers the input and writes an accepted plan.
//
// # Joint branches
//
// Per area (a township, or a county when the joint_same_township setting is
// off) the planner picks disjoint groups of 2..K orgs (K = joint_max_units)
// with at least M full members each (M = joint_min_full). Objectives, in
// order: place the most orgs; then use the fewest branches; then keep one
// industry and one village together in a branch (a greedy secondary score).
//
// Why it is optimal. Cap each org's full members at M; only the capped
// values matter to the first two objectives.
//
//  1. Placement depends only on the number of branches. Given g disjoint
//     valid groups, every other org can join one with room (adding members
//     never lowers a sum), so g branches place min(n, g·K) orgs. Hence the
//     most orgs placed is min(n, G·K) where G is the largest number of
//     disjoint valid groups, and the fewest branches achieving it is
//     ceil(n/K) when G·K ≥ n (any ceil(n/K) of the G groups then take all
//     orgs), G otherwise.
//  2. G: an org with ≥ M ("H") is valid with any one partner. Exchange
//     arguments show an optimum where every H is paired with one of the
//     smallest other orgs (swapping a partner for a smaller unused or
//     grouped org keeps both groups valid), all H are used, and H pair with
//     each other only when the others run out: with h H-orgs and r others,
//     G = r + ⌊(h−r)/2⌋ if h ≥ r, else h + G(the r−h largest others).
//     Orgs with 0 full members then never help and are dropped.
//  3. The residual has values 1..M−1. For M = 3 (the regulation) it is ones
//     and twos: {2,1} and {2,2} take two orgs, {1,1,1} three, so
//     G = ⌊(c1+c2)/2⌋ when c2 ≥ c1 (two orgs per group is the bound) and
//     c2 + ⌊(c1−c2)/3⌋ otherwise (every group needs weight 3: the bound
//     ⌊(c1+2·c2)/3⌋). Other settings use an exact memoised programme over
//     the count vector: the largest remaining org is in some optimal group,
//     which may be shrunk to a minimal group still holding it.
//
// The groups themselves are then built greedily by preference (same
// industry and village, same industry, same village, anywhere in the area),
// committing a minimal group only when the rest can still reach the optimal
// count (checked with G, O(1) for M = 3); the other orgs are added to the
// branch that suits them best; then a local search swaps orgs between
// branches, or with orgs left out, while the secondary score falls and
// every branch keeps M full members (swaps keep both counts). Tests compare
// every result with an exhaustive search on random small instances.
//
// # Instructors
//
// Orgs needing an instructor are matched to the instructors of their own
// township who carry fewer than instructor_max_orgs orgs, nearest first
// (same village, then by village-code distance inside the township); every
// org that capacity allows is assigned.
package plan
