package seal

import (
	"bytes"
	"crypto/cipher"
	"crypto/hmac"
	"encoding/hex"
	"strings"
	"testing"
)

func unhex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The GB/T vectors test gmsm's SM4 and SM3 through seal's wrappers.

// TestSM4Vectors checks the examples of GB/T 32907-2016 appendix A.
func TestSM4Vectors(t *testing.T) {
	key := unhex(t, "0123456789abcdeffedcba9876543210")
	want := unhex(t, "681edf34d206965e86b3e94f536e4246")
	b, err := NewSM4(key)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, 16)
	b.Encrypt(out, key)
	if !bytes.Equal(out, want) {
		t.Fatalf("SM4 encrypt = %x, want %x", out, want)
	}
	back := make([]byte, 16)
	b.Decrypt(back, out)
	if !bytes.Equal(back, key) {
		t.Fatalf("SM4 decrypt = %x, want %x", back, key)
	}
	if testing.Short() {
		return
	}
	// Example 2: the plaintext encrypted 1,000,000 times with the same key.
	x := append([]byte(nil), key...)
	for i := 0; i < 1000000; i++ {
		b.Encrypt(x, x)
	}
	if want := unhex(t, "595298c7c6fd271f0402f804c33d3f66"); !bytes.Equal(x, want) {
		t.Fatalf("SM4 ×1,000,000 = %x, want %x", x, want)
	}
}

// TestSM4KeySize: SM4 takes 16-byte keys only.
func TestSM4KeySize(t *testing.T) {
	for _, n := range []int{0, 15, 17, 32} {
		if _, err := NewSM4(make([]byte, n)); err == nil {
			t.Errorf("a %d-byte key was accepted", n)
		}
	}
}

// TestSM3Vectors checks the examples of GB/T 32905-2016 appendix A and
// that writing in pieces gives the same digest.
func TestSM3Vectors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"},
		{strings.Repeat("abcd", 16), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"},
	} {
		h := NewSM3()
		h.Write([]byte(c.in))
		if got := hex.EncodeToString(h.Sum(nil)); got != c.want {
			t.Errorf("SM3(%q) = %s, want %s", c.in, got, c.want)
		}
		h.Reset()
		for i := 0; i < len(c.in); i++ {
			h.Write([]byte{c.in[i]})
		}
		if got := hex.EncodeToString(h.Sum(nil)); got != c.want {
			t.Errorf("SM3(%q) byte by byte = %s", c.in, got)
		}
	}
	// Lengths around the padding boundary must all differ and be stable.
	seen := map[string]bool{}
	for n := 50; n < 140; n++ {
		h := NewSM3()
		h.Write(bytes.Repeat([]byte{'x'}, n))
		s := hex.EncodeToString(h.Sum(nil))
		if seen[s] || len(s) != 64 {
			t.Fatalf("SM3 of %d bytes: %s", n, s)
		}
		seen[s] = true
	}
	m := hmac.New(NewSM3, []byte("key"))
	m.Write([]byte("abc"))
	if len(m.Sum(nil)) != SM3Size {
		t.Fatal("HMAC-SM3 size")
	}
}

func TestSM4GCM(t *testing.T) {
	b, _ := NewSM4(unhex(t, "0123456789abcdeffedcba9876543210"))
	g, err := cipher.NewGCM(b)
	if err != nil {
		t.Fatal(err)
	}
	nonce := make([]byte, g.NonceSize())
	ct := g.Seal(nil, nonce, []byte("222424198001010225"), []byte("k1"))
	// The bytes the hand-written SM4 sealed under this key and the zero
	// nonce: any SM4-GCM seal must produce them.
	if want := "81215e307ca1791477551e587f1671ff931099ac9a24e233cf85bf79c131186bfdae"; hex.EncodeToString(ct) != want {
		t.Fatalf("SM4-GCM seal = %x, want %s", ct, want)
	}
	pt, err := g.Open(nil, nonce, ct, []byte("k1"))
	if err != nil || string(pt) != "222424198001010225" {
		t.Fatalf("open = %q, %v", pt, err)
	}
	ct[0] ^= 1
	if _, err := g.Open(nil, nonce, ct, []byte("k1")); err == nil {
		t.Fatal("tampered ciphertext opened")
	}
}
