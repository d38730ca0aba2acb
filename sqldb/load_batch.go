package sqldb

import (
	"strings"
)

// batchRows is how many rows one batched INSERT writes: few enough to stay
// far below either dialect's limit on parameters.
const batchRows = 400

// batch collects rows for one multi-row INSERT … ON CONFLICT statement, so
// that large link tables (attendances, visits) load in few round trips.
type batch struct {
	p      *platformLoader
	head   string // INSERT INTO t (a, b, c) VALUES
	tail   string // ON CONFLICT …
	cols   int
	values []any
}

func (p *platformLoader) newBatch(head, tail string, cols int) *batch {
	return &batch{p: p, head: head, tail: tail, cols: cols}
}

// add queues one row, flushing when the batch is full.
func (b *batch) add(row ...any) error {
	b.values = append(b.values, row...)
	if len(b.values) >= batchRows*b.cols {
		return b.flush()
	}
	return nil
}

// flush writes the queued rows.
func (b *batch) flush() error {
	if len(b.values) == 0 {
		return nil
	}
	n := len(b.values) / b.cols
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", b.cols), ", ") + ")"
	q := b.head + " " + strings.TrimSuffix(strings.Repeat(one+", ", n), ", ") + " " + b.tail
	err := b.p.exec(q, b.values...)
	b.values = b.values[:0]
	return err
}
