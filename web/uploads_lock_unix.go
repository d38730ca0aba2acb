//go:build unix

package web

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lockName is the file in an upload directory its server holds locked.
const lockName = ".lock"

// lockDir locks dir for the running server (flock: released by the kernel
// when the process ends, however it ends).
func lockDir(dir string) (io.Closer, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// held reports whether a running server holds dir. A directory without its
// lock file is held for a minute (a server between making and locking it).
func held(dir string, now time.Time) bool {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		fi, err := os.Stat(dir)
		return err == nil && now.Sub(fi.ModTime()) < time.Minute
	} else if err != nil {
		return true // cannot tell: leave it
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return true
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
