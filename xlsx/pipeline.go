package xlsx

import "errors"

// errClosed is what a sheet read after Close returns.
var errClosed = errors.New("xlsx: the sheet is closed")

// aheadRows is how many rows readAhead passes on at a time.
const aheadRows = 256

// readBatch is rows read ahead and, after the last, the error that ended
// the reading (io.EOF at the end of the sheet).
type readBatch struct {
	rows [][]string
	err  error
}

// readAhead runs next (which must return a fresh slice per row) in a
// goroutine, a batch of rows ahead of the returned reader, so that
// unzipping and decoding a workbook's XML (excelize's streaming reader, the
// bulk of an .xlsx import's parse) overlaps the conversion and checks of
// the rows already read, on another core. The returned close stops the
// goroutine and then calls done.
func readAhead(next func() ([]string, error), done func() error) (func() ([]string, error), func() error) {
	ch := make(chan readBatch, 4)
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		defer close(ch)
		b := readBatch{rows: make([][]string, 0, aheadRows)}
		for {
			cells, err := next()
			if err == nil {
				b.rows = append(b.rows, cells)
				if len(b.rows) < aheadRows {
					continue
				}
			}
			b.err = err
			select {
			case ch <- b:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
			b = readBatch{rows: make([][]string, 0, aheadRows)}
		}
	}()
	var cur readBatch
	var end error
	read := func() ([]string, error) {
		for len(cur.rows) == 0 {
			if cur.err != nil || end != nil {
				if end == nil {
					end = cur.err
				}
				return nil, end
			}
			b, ok := <-ch
			if !ok {
				end = errClosed
				return nil, end
			}
			cur = b
		}
		row := cur.rows[0]
		cur.rows = cur.rows[1:]
		return row, nil
	}
	closeFn := func() error {
		close(stop)
		<-stopped
		return done()
	}
	return read, closeFn
}
