package sqldb

import (
	"time"

	"hezuo"
)

// dayAt is the day of a write made at now: China's date of the moment the
// caller's clock gave (see the package doc, "The clock").
func dayAt(now time.Time) hezuo.Date { return hezuo.DateAt(now, hezuo.China) }
