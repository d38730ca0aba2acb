package seal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"sync"
	"testing"
)

// TestConcurrentSealHash: a keyring seals and hashes from several
// goroutines at once (the import seals ahead of its writer): every value
// opens to its plaintext, every hash is the plain HMAC of the value, and no
// nonce repeats.
func TestConcurrentSealHash(t *testing.T) {
	for _, c := range []string{"aes", "sm4"} {
		r := newRing(t, c)
		k := r.CurrentKey()
		h := sha256.New
		if k.Cipher == SM4 {
			h = func() hash.Hash { return NewSM3() }
		}
		const workers, each = 4, 500
		sealed := make([][]string, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for i := range each {
					v := fmt.Sprintf("2224241980%08d", w*each+i)
					m := hmac.New(h, k.HashKey)
					m.Write([]byte(v))
					if got, want := r.Hash(v), hex.EncodeToString(m.Sum(nil)); got != want {
						t.Errorf("%s: hash of %s = %s, want %s", c, v, got, want)
					}
					sealed[w] = append(sealed[w], r.Seal(v))
				}
			})
		}
		wg.Wait()
		seen := map[string]bool{}
		for w := range workers {
			for i, s := range sealed[w] {
				v, err := r.Open(s)
				if want := fmt.Sprintf("2224241980%08d", w*each+i); err != nil || v != want {
					t.Fatalf("%s: open %q = %q, %v; want %q", c, s, v, err, want)
				}
				nonce := s[:len(k.ID)+1+16] // the key id, ':' and the base64 of the 12-byte nonce
				if seen[nonce] {
					t.Fatalf("%s: nonce repeated: %s", c, nonce)
				}
				seen[nonce] = true
			}
		}
	}
}
