package seal

import (
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestCreateFileFirstWins(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "db.key")
	rings := make([]*Keyring, 8)
	var wg sync.WaitGroup
	for i := range rings {
		wg.Go(func() {
			r, err := New("aes", time.Now())
			if err != nil {
				t.Error(err)
				return
			}
			if rings[i], err = CreateFile(path, r); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	onDisk, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rings {
		if r == nil || string(r.Marshal()) != string(onDisk.Marshal()) {
			t.Fatalf("run %d got a keyring other than the file's", i)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".hezuo-key-*")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("HEZUO_KEY", "")
	t.Setenv("HEZUO_KEY_FILE", "")
	db := filepath.Join(dir, "a.db")
	src, err := Find(db, "")
	if err != nil || src.Keys != nil || src.File != db+".key" || src.From != db+".key" {
		t.Fatalf("no key yet: %+v %v", src, err)
	}
	r, _ := New("sm4", time.Now())
	if err := WriteFile(src.File, r); err != nil {
		t.Fatal(err)
	}
	if src, err = Find(db, ""); err != nil || src.Keys == nil || src.Keys.Current != r.Current {
		t.Fatalf("key file: %+v %v", src, err)
	}
	other := filepath.Join(dir, "other.key")
	t.Setenv("HEZUO_KEY_FILE", other)
	if src, err = Find(db, ""); err != nil || src.Keys != nil || src.File != other {
		t.Fatalf("HEZUO_KEY_FILE: %+v %v", src, err)
	}
	t.Setenv("HEZUO_KEY", "not a key")
	if src, err = Find(db, ""); err == nil || src.From != "HEZUO_KEY" {
		t.Fatalf("bad HEZUO_KEY: %+v %v", src, err)
	}
	if src, err = Find(db, db+".key"); err != nil || src.Keys == nil {
		t.Fatalf("a file given wins over HEZUO_KEY: %+v %v", src, err)
	}
}
