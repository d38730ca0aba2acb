package seal

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Source is where Find found a keyring.
type Source struct {
	Keys *Keyring // nil when no key exists yet: File then names where to create it
	File string   // the key file read or to create ("" when from HEZUO_KEY)
	From string   // where, for messages: "HEZUO_KEY" or the file
}

// Find locates the keyring of the database dsn: HEZUO_KEY unless file is
// given, else the key file (file, else HEZUO_KEY_FILE, else
// DefaultFile(dsn)). A missing key file is no error: Keys is then nil. On
// an error, From tells whether HEZUO_KEY or the file was at fault.
func Find(dsn, file string) (Source, error) {
	if file == "" {
		if v := os.Getenv("HEZUO_KEY"); strings.TrimSpace(v) != "" {
			k, err := FromEnv(v)
			return Source{Keys: k, From: "HEZUO_KEY"}, err
		}
		file = os.Getenv("HEZUO_KEY_FILE")
	}
	if file == "" {
		file = DefaultFile(dsn)
	}
	k, err := ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return Source{File: file, From: file}, nil
	}
	return Source{Keys: k, File: file, From: file}, err
}

// CreateFile writes r to path (mode 0600, creating its directory) unless a
// key file is already there, and returns the keyring path then holds: r, or
// the one another process wrote first. The file is written aside and linked
// into place, so a concurrent first run either wins or reads the winner's
// whole file, never a partial one.
func CreateFile(path string, r *Keyring) (*Keyring, error) {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
	}
	tmp, err := writeAside(path, r)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); errors.Is(err, fs.ErrExist) {
		return ReadFile(path)
	} else if err != nil {
		return nil, err
	}
	return r, nil
}

// writeAside writes r, synced and with mode 0600, to a new temporary file
// in path's directory and returns its name; the caller removes it.
func writeAside(path string, r *Keyring) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".hezuo-key-*")
	if err != nil {
		return "", err
	}
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(r.Marshal())
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
