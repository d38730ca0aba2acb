package seal

import (
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func newRing(t testing.TB, c string) *Keyring {
	t.Helper()
	r, err := New(c, now)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSealOpen(t *testing.T) {
	for _, c := range []string{"aes", "sm4"} {
		t.Run(c, func(t *testing.T) {
			r := newRing(t, c)
			id := "222424198001010225"
			s1, s2 := r.Seal(id), r.Seal(id)
			if s1 == s2 || strings.Contains(s1, id) || KeyID(s1) != "k1" {
				t.Fatalf("seal is not randomised or leaks: %q %q", s1, s2)
			}
			for _, s := range []string{s1, s2} {
				if got, err := r.Open(s); err != nil || got != id {
					t.Fatalf("open = %q, %v", got, err)
				}
			}
			if r.Seal("") != "" {
				t.Fatal("empty value sealed")
			}
			if got, err := r.Open(""); got != "" || err != nil {
				t.Fatal("empty value opened to something")
			}
			// Tampering with any byte of the body fails.
			body, _ := base64.RawStdEncoding.DecodeString(s1[3:])
			for i := range body {
				b := append([]byte(nil), body...)
				b[i] ^= 0x40
				if _, err := r.Open("k1:" + base64.RawStdEncoding.EncodeToString(b)); !errors.Is(err, ErrOpen) {
					t.Fatalf("tampered byte %d opened: %v", i, err)
				}
			}
			// Another key with the same id cannot open it.
			other := newRing(t, c)
			if _, err := other.Open(s1); !errors.Is(err, ErrOpen) {
				t.Fatalf("wrong key opened: %v", err)
			}
			for _, bad := range []string{"k1", "k9:AAAA", "k1:!!", "k1:AAAA"} {
				if _, err := r.Open(bad); !errors.Is(err, ErrOpen) {
					t.Errorf("Open(%q) = %v", bad, err)
				}
			}
		})
	}
}

func TestHash(t *testing.T) {
	a, s := newRing(t, "aes"), newRing(t, "sm4")
	v := "222424198001010225"
	if a.Hash(v) != a.Hash(v) || len(a.Hash(v)) != 64 || len(s.Hash(v)) != 64 {
		t.Fatal("hash not deterministic or wrong length")
	}
	if a.Hash(v) == a.Hash("222424198001010233") || a.Hash(v) == s.Hash(v) {
		t.Fatal("hash collides")
	}
	// The same hash key gives HMAC-SHA256 for AES and HMAC-SM3 for SM4.
	s.Keys[0].HashKey = a.Keys[0].HashKey
	if a.Hash(v) == s.Hash(v) {
		t.Fatal("SM4 keys must hash with SM3")
	}
	if c1, _ := a.Check("k1"); c1 == a.Hash(v) || c1 == "" {
		t.Fatal("check")
	}
	if _, ok := a.Check("k2"); ok {
		t.Fatal("check of a missing key")
	}
}

func TestRotate(t *testing.T) {
	r := newRing(t, "aes")
	old := r.Seal("13900001111")
	r2, err := r.Rotate("sm4", now)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Current != "k2" || r2.Cipher() != SM4 || len(r2.IDs()) != 2 || r.Current != "k1" {
		t.Fatalf("rotated ring %v current %s", r2.IDs(), r2.Current)
	}
	if got, err := r2.Open(old); err != nil || got != "13900001111" {
		t.Fatalf("old value after rotation: %q %v", got, err)
	}
	if KeyID(r2.Seal("x")) != "k2" || r2.Hash("x") == r.Hash("x") {
		t.Fatal("rotation did not switch keys")
	}
	only := r2.OnlyCurrent()
	if _, err := only.Open(old); !errors.Is(err, ErrOpen) {
		t.Fatal("dropped key still opens")
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hezuo.key")
	r := newRing(t, "sm4")
	if err := WriteFile(path, r); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %o", st.Mode().Perm())
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := r.Seal("x")
	if got, err := back.Open(s); err != nil || got != "x" || back.Hash("y") != r.Hash("y") {
		t.Fatalf("read back: %q %v", got, err)
	}
	os.Chmod(path, 0o644)
	if _, err := ReadFile(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a world-readable key file was accepted: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
	for _, bad := range []string{`{}`, `{"current":"k1","keys":[{"id":"k1","cipher":"aes","data_key":"AAAA","hash_key":"AAAA"}]}`, `nope`} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%s) accepted", bad)
		}
	}
}

func TestFromEnv(t *testing.T) {
	r := newRing(t, "aes")
	for _, v := range []string{string(r.Marshal()), base64.StdEncoding.EncodeToString(r.Marshal())} {
		got, err := FromEnv(v)
		if err != nil || got.Hash("a") != r.Hash("a") {
			t.Fatalf("FromEnv: %v", err)
		}
	}
	master := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("m", 32)))
	a, err := FromEnv("aes:" + master)
	if err != nil || a.Cipher() != AES {
		t.Fatal(err)
	}
	a2, _ := FromEnv("aes:" + master)
	if a.Hash("v") != a2.Hash("v") {
		t.Fatal("short form is not deterministic")
	}
	s, err := FromEnv("sm4:" + master)
	if err != nil || s.Cipher() != SM4 {
		t.Fatal(err)
	}
	if got, err := s.Open(a2.Seal("v")); err == nil {
		t.Fatalf("an AES value opened with the SM4 key: %q", got)
	}
	for _, bad := range []string{"aes:short", "???", "sm4:"} {
		if _, err := FromEnv(bad); err == nil {
			t.Errorf("FromEnv(%q) accepted", bad)
		}
	}
}

// FuzzOpen feeds arbitrary strings to Open: it must never panic and never
// open anything but what Seal made.
func FuzzOpen(f *testing.F) {
	r := newRing(f, "aes")
	s := newRing(f, "sm4")
	f.Add(r.Seal("222424198001010225"))
	f.Add("k1:")
	f.Add("k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		for _, k := range []*Keyring{r, s} {
			got, err := k.Open(in)
			if err == nil && in != "" && k.Seal(got) == in {
				t.Fatal("seal is deterministic")
			}
			if err == nil && in != "" && KeyID(in) != "k1" {
				t.Fatalf("opened %q without key id k1", in)
			}
		}
	})
}
