package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Cipher names.
const (
	AES = "aes-256-gcm"
	SM4 = "sm4-gcm"
)

// ParseCipher returns the cipher named s: "aes" or "aes-256-gcm" → AES,
// "sm4" or "sm4-gcm" → SM4, "" → AES (the default).
func ParseCipher(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "aes", AES:
		return AES, nil
	case "sm4", SM4:
		return SM4, nil
	}
	return "", fmt.Errorf("未知的加密算法 %q（应为 aes 或 sm4） / unknown cipher %q (want aes or sm4)", s, s)
}

// Key is one key of a Keyring: a data key that seals (32 bytes for AES, 16
// for SM4) and a 32-byte hash key for the keyed hash.
type Key struct {
	ID      string `json:"id"`
	Cipher  string `json:"cipher"`
	DataKey []byte `json:"data_key"` // base64 in JSON
	HashKey []byte `json:"hash_key"`
	Created string `json:"created,omitempty"`

	aead  cipher.AEAD
	hmacs *sync.Pool // of keyed hashes ready for Reset (set by init; shared by copies of the key)
}

// NewKey returns a fresh random key of the cipher with the given id.
func NewKey(id, cipherName string, now time.Time) (Key, error) {
	c, err := ParseCipher(cipherName)
	if err != nil {
		return Key{}, err
	}
	k := Key{ID: id, Cipher: c, DataKey: make([]byte, dataKeySize(c)), HashKey: make([]byte, 32),
		Created: now.UTC().Format(time.RFC3339)}
	rand.Read(k.DataKey)
	rand.Read(k.HashKey)
	return k, k.init()
}

func dataKeySize(c string) int {
	if c == SM4 {
		return 16
	}
	return 32
}

// init checks the key and prepares its AEAD.
func (k *Key) init() error {
	if k.ID == "" || strings.ContainsAny(k.ID, ":. ") {
		return fmt.Errorf("密钥编号 %q 无效 / bad key id %q", k.ID, k.ID)
	}
	c, err := ParseCipher(k.Cipher)
	if err != nil {
		return err
	}
	k.Cipher = c
	if len(k.DataKey) != dataKeySize(c) || len(k.HashKey) < 16 {
		return fmt.Errorf("密钥 %s 长度错误 / key %s: wrong key length", k.ID, k.ID)
	}
	var b cipher.Block
	if c == SM4 {
		b, err = NewSM4(k.DataKey)
	} else {
		b, err = aes.NewCipher(k.DataKey)
	}
	if err != nil {
		return err
	}
	k.aead, err = cipher.NewGCM(b)
	c, key := k.Cipher, k.HashKey
	k.hmacs = &sync.Pool{New: func() any { return newHMAC(c, key) }}
	return err
}

// newHMAC returns the keyed hash function of the cipher under key.
func newHMAC(cipherName string, key []byte) hash.Hash {
	h := sha256.New
	if cipherName == SM4 {
		h = func() hash.Hash { return NewSM3() }
	}
	return hmac.New(h, key)
}

// hash returns the keyed hash of v under k: HMAC-SHA256, or HMAC-SM3 for
// an SM4 key, in lowercase hex. The HMACs come from a pool: Reset restores
// one to its keyed state without hashing the key's pads again, and nothing
// is allocated but the result.
func (k *Key) hash(v string) string {
	if k.hmacs == nil {
		m := newHMAC(k.Cipher, k.HashKey)
		m.Write([]byte(v))
		return hex.EncodeToString(m.Sum(nil))
	}
	m := k.hmacs.Get().(hash.Hash)
	m.Reset()
	io.WriteString(m, v)
	var sum [32]byte
	var out [64]byte
	hex.Encode(out[:], m.Sum(sum[:0]))
	k.hmacs.Put(m)
	return string(out[:])
}

// Keyring is a set of keys by id, one of them current.
type Keyring struct {
	Current string `json:"current"`
	Keys    []Key  `json:"keys"`
}

// New returns a keyring holding one fresh key "k1" of the cipher.
func New(cipherName string, now time.Time) (*Keyring, error) {
	k, err := NewKey("k1", cipherName, now)
	if err != nil {
		return nil, err
	}
	return &Keyring{Current: k.ID, Keys: []Key{k}}, nil
}

// init checks every key and that the current one is present.
func (r *Keyring) init() error {
	seen := map[string]bool{}
	for i := range r.Keys {
		if err := r.Keys[i].init(); err != nil {
			return err
		}
		if seen[r.Keys[i].ID] {
			return fmt.Errorf("密钥编号 %s 重复 / duplicate key id %s", r.Keys[i].ID, r.Keys[i].ID)
		}
		seen[r.Keys[i].ID] = true
	}
	if !seen[r.Current] {
		return fmt.Errorf("当前密钥 %q 不在密钥文件中 / current key %q is not in the keyring", r.Current, r.Current)
	}
	return nil
}

// key returns the key with the id, or nil.
func (r *Keyring) key(id string) *Key {
	for i := range r.Keys {
		if r.Keys[i].ID == id {
			return &r.Keys[i]
		}
	}
	return nil
}

// CurrentKey returns the current key.
func (r *Keyring) CurrentKey() Key { return *r.key(r.Current) }

// Cipher returns the current key's cipher.
func (r *Keyring) Cipher() string { return r.key(r.Current).Cipher }

// IDs returns the key ids, oldest first.
func (r *Keyring) IDs() []string {
	out := make([]string, len(r.Keys))
	for i, k := range r.Keys {
		out[i] = k.ID
	}
	return out
}

// Seal encrypts plaintext with the current key under a fresh random nonce:
// "<key id>:<base64 of nonce‖ciphertext‖tag>". The key id is bound as
// additional data. The empty string seals to itself (no value to hide).
func (r *Keyring) Seal(plaintext string) string {
	if plaintext == "" {
		return ""
	}
	k := r.key(r.Current)
	ns := k.aead.NonceSize()
	var stack [128]byte // nonce ‖ ciphertext ‖ tag of a short value, then its text
	buf := stack[:0]
	if n := ns + len(plaintext) + k.aead.Overhead(); n > len(stack) {
		buf = make([]byte, 0, n)
	}
	nonce := buf[:ns]
	randomNonce(nonce)
	ct := k.aead.Seal(nonce, nonce, []byte(plaintext), []byte(k.ID))
	out := make([]byte, len(k.ID)+1+base64.RawStdEncoding.EncodedLen(len(ct)))
	copy(out, k.ID)
	out[len(k.ID)] = ':'
	base64.RawStdEncoding.Encode(out[len(k.ID)+1:], ct)
	return string(out)
}

// nonces hands out crypto/rand bytes read a page at a time: one read per
// 341 seals instead of one each. Every byte is handed out once, so the
// nonces are as random as crypto/rand's and as unlikely to repeat.
var nonces struct {
	sync.Mutex
	buf [4096]byte
	pos int
}

func init() { nonces.pos = len(nonces.buf) }

// randomNonce fills b with fresh random bytes.
func randomNonce(b []byte) {
	if len(b) > len(nonces.buf) {
		rand.Read(b)
		return
	}
	nonces.Lock()
	if nonces.pos+len(b) > len(nonces.buf) {
		rand.Read(nonces.buf[:])
		nonces.pos = 0
	}
	nonces.pos += copy(b, nonces.buf[nonces.pos:])
	clear(nonces.buf[nonces.pos-len(b) : nonces.pos]) // no copy of a used nonce stays behind
	nonces.Unlock()
}

// ErrOpen is returned (wrapped) when a sealed value cannot be opened: a
// malformed value, an unknown key id, a wrong key or tampered data.
var ErrOpen = errors.New("无法解密（密钥不符或数据被篡改） / cannot decrypt (wrong key or tampered data)")

// Open decrypts a value made by Seal with any key of the ring. "" opens to "".
func (r *Keyring) Open(sealed string) (string, error) {
	if sealed == "" {
		return "", nil
	}
	id, body, ok := strings.Cut(sealed, ":")
	if !ok {
		return "", fmt.Errorf("%w: not a sealed value", ErrOpen)
	}
	k := r.key(id)
	if k == nil {
		return "", fmt.Errorf("%w: 密钥 %s 不在密钥文件中 / key %s is not in the keyring", ErrOpen, strconv.Quote(id), strconv.Quote(id))
	}
	ct, err := base64.RawStdEncoding.DecodeString(body)
	if err != nil || len(ct) < k.aead.NonceSize()+k.aead.Overhead() {
		return "", fmt.Errorf("%w: malformed", ErrOpen)
	}
	n := k.aead.NonceSize()
	pt, err := k.aead.Open(nil, ct[:n], ct[n:], []byte(k.ID))
	if err != nil {
		return "", fmt.Errorf("%w (key %s)", ErrOpen, k.ID)
	}
	return string(pt), nil
}

// KeyID returns the id of the key that sealed a value ("" for "" or a
// value not in the sealed form).
func KeyID(sealed string) string {
	id, _, ok := strings.Cut(sealed, ":")
	if !ok {
		return ""
	}
	return id
}

// Hash returns the keyed hash of value under the current key (64 hex
// digits): equal values hash equally, so the hash serves equality lookups
// and unique indexes without revealing the value.
func (r *Keyring) Hash(value string) string { return r.key(r.Current).hash(value) }

// HashWith returns the keyed hash of value under the key id, false when the
// ring has no such key.
func (r *Keyring) HashWith(id, value string) (string, bool) {
	k := r.key(id)
	if k == nil {
		return "", false
	}
	return k.hash(value), true
}

// checkText is what key checks hash.
const checkText = "hezuo key check"

// Check returns the key check of key id: the keyed hash of a fixed text,
// which a database may store to recognise its key without holding it.
func (r *Keyring) Check(id string) (string, bool) { return r.HashWith(id, checkText) }

// Rotate adds a fresh key of the cipher (the current key's cipher when "")
// and makes it current; the older keys stay for Open.
func (r *Keyring) Rotate(cipherName string, now time.Time) (*Keyring, error) {
	if cipherName == "" {
		cipherName = r.Cipher()
	}
	n := len(r.Keys) + 1
	for r.key("k"+strconv.Itoa(n)) != nil {
		n++
	}
	k, err := NewKey("k"+strconv.Itoa(n), cipherName, now)
	if err != nil {
		return nil, err
	}
	out := &Keyring{Current: k.ID, Keys: append(append([]Key{}, r.Keys...), k)}
	return out, nil
}

// OnlyCurrent returns a keyring holding only the current key.
func (r *Keyring) OnlyCurrent() *Keyring {
	return &Keyring{Current: r.Current, Keys: []Key{*r.key(r.Current)}}
}
