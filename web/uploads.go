package web

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// uploadTTL is how long an uploaded file waits for its confirmation.
const uploadTTL = time.Hour

// upload is a file uploaded for import, kept between its preview and the
// confirmation that writes it: the server re-reads and re-checks the file
// on confirmation, so nothing the browser sends back is trusted.
type upload struct {
	Token  string
	User   string // only the user who uploaded it may confirm it
	Kind   string
	Name   string // the file's name as uploaded, for FILE:ROW:COLUMN
	Path   string // where it is stored, with the uploaded extension
	Errors string // the error workbook's path, "" when the file had no problems
	At     time.Time
}

// uploads holds the files waiting for confirmation, in a private
// temporary directory made on first use.
type uploads struct {
	mu    sync.Mutex
	dir   string
	files map[string]*upload
}

// put registers a new upload of user (its Path is where to store the file)
// and returns a copy of it; expired uploads are removed on the way.
func (u *uploads) put(user, kind, name, ext string, now time.Time) (*upload, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.dir == "" {
		d, err := os.MkdirTemp("", "hezuo-uploads-")
		if err != nil {
			return nil, err
		}
		u.dir, u.files = d, map[string]*upload{}
	}
	for k, f := range u.files {
		if now.Sub(f.At) > uploadTTL {
			u.removeLocked(k)
		}
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	tok := hex.EncodeToString(b)
	up := &upload{Token: tok, User: user, Kind: kind, Name: name, Path: filepath.Join(u.dir, tok+ext), At: now}
	u.files[tok] = up
	cp := *up
	return &cp, nil
}

// close removes the directory of the waiting uploads and what it holds.
func (u *uploads) close() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.dir == "" {
		return nil
	}
	err := os.RemoveAll(u.dir)
	u.dir, u.files = "", nil
	return err
}

// get returns a copy of user's upload tok, or nil when there is none
// (expired, confirmed, or someone else's).
func (u *uploads) get(tok, user string, now time.Time) *upload {
	u.mu.Lock()
	defer u.mu.Unlock()
	f := u.files[tok]
	if f == nil || f.User != user || now.Sub(f.At) > uploadTTL {
		return nil
	}
	cp := *f
	return &cp
}

// setErrors records the error workbook of upload tok: the upload can then
// no longer be confirmed.
func (u *uploads) setErrors(tok, path string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if f := u.files[tok]; f != nil {
		f.Errors = path
	}
}

// remove forgets upload tok and deletes its files.
func (u *uploads) remove(tok string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.removeLocked(tok)
}

func (u *uploads) removeLocked(tok string) {
	if f := u.files[tok]; f != nil {
		os.Remove(f.Path)
		if f.Errors != "" {
			os.Remove(f.Errors)
		}
		delete(u.files, tok)
	}
}
