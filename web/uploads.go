package web

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
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

// uploads holds the files waiting for confirmation. Each server keeps
// them in a directory of its own inside root (Options.UploadDir), made on
// first use and locked while the server runs (uploads_lock*.go); excelize
// unpacks large worksheets there too. A file leaves when its upload is
// confirmed, cancelled or expired (expire runs on every use and every few
// minutes); the directory goes at Close; and the directories no running
// server holds — a crashed server's — go when the next server starts (sweep).
type uploads struct {
	mu    sync.Mutex
	root  string
	dir   string
	lock  io.Closer // the lock on dir
	files map[string]*upload
}

// uploadRoot is the default Options.UploadDir.
func uploadRoot() string { return filepath.Join(os.TempDir(), "hezuo-uploads") }

// sweep removes what earlier servers left in root: every directory no
// running server holds, and any other entry. It also removes the
// directories of servers from before Options.UploadDir (os.TempDir()'s
// hezuo-uploads-*) once they are older than uploadTTL. It returns how
// many entries it removed.
func (u *uploads) sweep(now time.Time) (int, error) {
	root := u.root
	if root == "" {
		root = uploadRoot()
	}
	n := 0
	if old, _ := filepath.Glob(filepath.Join(os.TempDir(), "hezuo-uploads-*")); len(old) > 0 {
		for _, d := range old {
			if fi, err := os.Stat(d); err == nil && now.Sub(fi.ModTime()) > uploadTTL && os.RemoveAll(d) == nil {
				n++
			}
		}
	}
	entries, err := os.ReadDir(root)
	if errors.Is(err, os.ErrNotExist) {
		return n, nil
	} else if err != nil {
		return n, err
	}
	u.mu.Lock()
	own := u.dir
	u.mu.Unlock()
	for _, e := range entries {
		p := filepath.Join(root, e.Name())
		if p == own || (e.IsDir() && held(p, now)) {
			continue
		}
		if err := os.RemoveAll(p); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// dirLocked returns the server's directory, making and locking it on first
// use.
func (u *uploads) dirLocked() (string, error) {
	if u.dir != "" {
		return u.dir, nil
	}
	root := u.root
	if root == "" {
		root = uploadRoot()
	}
	if err := os.MkdirAll(root, 0o700); err != nil {
		return "", err
	}
	d, err := os.MkdirTemp(root, "server-")
	if err != nil {
		return "", err
	}
	lock, err := lockDir(d)
	if err != nil {
		os.RemoveAll(d)
		return "", err
	}
	u.dir, u.lock, u.files = d, lock, map[string]*upload{}
	return d, nil
}

// tempDir returns the server's directory (for excelize's temporary files).
func (u *uploads) tempDir() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	d, _ := u.dirLocked()
	return d
}

// put registers a new upload of user (its Path is where to store the file)
// and returns a copy of it; expired uploads are removed on the way.
func (u *uploads) put(user, kind, name, ext string, now time.Time) (*upload, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	dir, err := u.dirLocked()
	if err != nil {
		return nil, err
	}
	u.expireLocked(now)
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	tok := hex.EncodeToString(b)
	up := &upload{Token: tok, User: user, Kind: kind, Name: name, Path: filepath.Join(dir, tok+ext), At: now}
	u.files[tok] = up
	cp := *up
	return &cp, nil
}

// expire removes the uploads older than uploadTTL.
func (u *uploads) expire(now time.Time) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expireLocked(now)
}

func (u *uploads) expireLocked(now time.Time) {
	for k, f := range u.files {
		if now.Sub(f.At) > uploadTTL {
			u.removeLocked(k)
		}
	}
}

// close removes the directory of the waiting uploads and what it holds.
func (u *uploads) close() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.dir == "" {
		return nil
	}
	err := os.RemoveAll(u.dir)
	u.lock.Close()
	u.dir, u.lock, u.files = "", nil, nil
	return err
}

// get returns a copy of user's upload tok, or nil when there is none
// (expired, confirmed, cancelled, or someone else's).
func (u *uploads) get(tok, user string, now time.Time) *upload {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expireLocked(now)
	f := u.files[tok]
	if f == nil || f.User != user {
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
