package xlsx

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// TestReadAhead: the rows come in order, then the error that ended the
// reading, again on every later call; closing early stops the reader and
// releases the source once.
func TestReadAhead(t *testing.T) {
	source := func(n int, end error) func() ([]string, error) {
		i := 0
		return func() ([]string, error) {
			if i == n {
				return nil, end
			}
			i++
			return []string{fmt.Sprint(i)}, nil
		}
	}
	for _, n := range []int{0, 1, aheadRows - 1, aheadRows, 3*aheadRows + 7} {
		for _, end := range []error{io.EOF, errors.New("broken zip")} {
			t.Run(fmt.Sprintf("%d/%v", n, end), func(t *testing.T) {
				released := 0
				next, closeFn := readAhead(source(n, end), func() error { released++; return nil })
				for i := 1; i <= n; i++ {
					row, err := next()
					if err != nil || len(row) != 1 || row[0] != fmt.Sprint(i) {
						t.Fatalf("row %d: %v %v", i, row, err)
					}
				}
				for range 2 {
					if row, err := next(); row != nil || err != end {
						t.Fatalf("after the last row: %v %v, want %v", row, err, end)
					}
				}
				if err := closeFn(); err != nil || released != 1 {
					t.Fatalf("close: %v, released %d times", err, released)
				}
			})
		}
	}
	t.Run("close early", func(t *testing.T) {
		released := 0
		next, closeFn := readAhead(source(100*aheadRows, io.EOF), func() error { released++; return nil })
		if row, err := next(); err != nil || row[0] != "1" {
			t.Fatalf("first row: %v %v", row, err)
		}
		if err := closeFn(); err != nil || released != 1 {
			t.Fatalf("close: %v, released %d times", err, released)
		}
	})
}
