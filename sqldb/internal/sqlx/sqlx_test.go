package sqlx

import (
	"reflect"
	"testing"
)

func TestRebind(t *testing.T) {
	q := `SELECT a FROM t WHERE b = ? AND c IN (` + InList(3) + `)`
	if got := Rebind(false, q); got != q {
		t.Errorf("SQLite: %q", got)
	}
	if got, want := Rebind(true, q), `SELECT a FROM t WHERE b = $1 AND c IN ($2, $3, $4)`; got != want {
		t.Errorf("PostgreSQL: %q, want %q", got, want)
	}
	if got := repeatArgs(IDArgs([]int64{1, 2}), 2); !reflect.DeepEqual(got, []any{int64(1), int64(2), int64(1), int64(2)}) {
		t.Errorf("repeated args %v", got)
	}
	if got := SortedKeys(map[int64]bool{3: true, 1: true, 2: false}); !reflect.DeepEqual(got, []int64{1, 2, 3}) {
		t.Errorf("sorted keys %v", got)
	}
}
