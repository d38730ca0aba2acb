//go:build !unix

package web

import (
	"io"
	"os"
	"time"
)

// lockDir does nothing where flock is missing: held goes by age instead.
func lockDir(dir string) (io.Closer, error) { return io.NopCloser(nil), nil }

// held reports whether dir may still be in use: younger than uploadTTL
// (no upload lives longer).
func held(dir string, now time.Time) bool {
	fi, err := os.Stat(dir)
	return err == nil && now.Sub(fi.ModTime()) < uploadTTL
}
