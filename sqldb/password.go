package sqldb

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"hezuo"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (OWASP's second recommendation: 19 MiB, 2 passes, 1
// lane). They are stored with each hash, so raising them later keeps old
// hashes verifiable.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns the argon2id hash of password in the PHC string
// format ($argon2id$v=19$m=…,t=…,p=…$salt$hash) with a fresh random salt.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches a HashPassword hash, in
// constant time.
func VerifyPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is the hash an unknown user name's password is checked against,
// so that a sign-in takes as long whether or not the name exists (no user
// enumeration by timing). Made once, from a random password nobody knows.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword(RandomToken(16))
	if err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return h
})

// dummyChecks counts the verifications against dummyHash (for the tests).
var dummyChecks atomic.Int64

// verifyDummy spends on password what VerifyPassword spends on a real hash;
// it never matches.
func verifyDummy(password string) {
	dummyChecks.Add(1)
	VerifyPassword(dummyHash(), password)
}

// RandomToken returns n random bytes encoded as unpadded base64url.
func RandomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// MinPasswordLength is the shortest password CheckPassword accepts.
const MinPasswordLength = 10

// CheckPassword applies the password policy (等保 2.0 三级 identity
// authentication; ASVS 2.1): at least MinPasswordLength characters, at least
// three of the four classes upper-case letters, lower-case letters, digits
// and other characters (spaces and Chinese characters count as other), and
// not the user name (in any case, nor reversed). The error is EINVALID on
// the field "password".
func CheckPassword(name, password string) error {
	rec := "用户 " + name
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return hezuo.Invalid(rec, "password", fmt.Sprintf("密码至少 %d 个字符", MinPasswordLength), fmt.Sprintf("the password needs at least %d characters", MinPasswordLength))
	}
	var upper, lower, digit, other int
	for _, r := range password {
		switch {
		case r >= 'A' && r <= 'Z':
			upper = 1
		case r >= 'a' && r <= 'z':
			lower = 1
		case r >= '0' && r <= '9':
			digit = 1
		default:
			other = 1
		}
	}
	if upper+lower+digit+other < 3 {
		return hezuo.Invalid(rec, "password", "密码须包含大写字母、小写字母、数字、其他符号这四类中的至少三类",
			"the password needs at least three of: upper-case letters, lower-case letters, digits, other characters")
	}
	p := strings.ToLower(password)
	if n := strings.ToLower(strings.TrimSpace(name)); n != "" && (p == n || p == reverse(n)) {
		return hezuo.Invalid(rec, "password", "密码不能与用户名相同", "the password must differ from the user name")
	}
	return nil
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// RandomPassword returns a random password that CheckPassword accepts:
// 16 characters of base64url with an upper-case letter, a lower-case letter
// and a digit guaranteed.
func RandomPassword() string {
	for {
		p := RandomToken(12)
		if CheckPassword("", p) == nil && strings.ContainsAny(p, "0123456789") &&
			strings.ContainsAny(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && strings.ContainsAny(p, "abcdefghijklmnopqrstuvwxyz") {
			return p
		}
	}
}
