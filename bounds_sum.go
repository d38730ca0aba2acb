package hezuo

import (
	"math"
	"math/bits"
)

// Sums and products of money and counts that cannot overflow.

// MulDivRound returns a×b/c rounded half away from zero, computed on 128
// bits so that no product of two bounded amounts (fen × fen, fen-days ×
// rate) overflows; a result outside int64 saturates. c must not be zero.
func MulDivRound(a, b, c int64) int64 {
	neg := (a < 0) != (b < 0) != (c < 0)
	ua, ub, uc := absU(a), absU(b), absU(c)
	hi, lo := bits.Mul64(ua, ub)
	// Add c/2 for rounding, carrying into hi.
	var carry uint64
	lo, carry = bits.Add64(lo, uc/2, 0)
	hi += carry
	if hi >= uc {
		if neg {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	q, _ := bits.Div64(hi, lo, uc)
	if q > math.MaxInt64 {
		if neg {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	if neg {
		return -int64(q)
	}
	return int64(q)
}

func absU(n int64) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}

// SumFen adds amounts of money, saturating at the int64 bounds instead of
// wrapping round (a stored amount from before the bounds can be anything).
func SumFen(a, b int64) int64 {
	r := a + b // wraps round on overflow (Go's defined behaviour), detected below
	if (a >= 0) == (b >= 0) && (r >= 0) != (a >= 0) {
		if a >= 0 {
			return math.MaxInt64
		}
		return math.MinInt64
	}
	return r
}

// BoundedCount is n clamped to [0, MaxCount], as the figures read a stated
// count (a record stored before the bounds may hold anything).
func BoundedCount(n int) int { return min(max(n, 0), MaxCount) }
