package hezuo

// The password policy and random secrets: rules every door applies the same
// way (the web's forms, the command line's user administration); hashing and
// checking stored passwords stays with the store (sqldb/password.go).

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"
)

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
		return Invalid(rec, "password", fmt.Sprintf("密码至少 %d 个字符", MinPasswordLength), fmt.Sprintf("the password needs at least %d characters", MinPasswordLength))
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
		return Invalid(rec, "password", "密码须包含大写字母、小写字母、数字、其他符号这四类中的至少三类",
			"the password needs at least three of: upper-case letters, lower-case letters, digits, other characters")
	}
	p := strings.ToLower(password)
	if n := strings.ToLower(strings.TrimSpace(name)); n != "" && (p == n || p == reverse(n)) {
		return Invalid(rec, "password", "密码不能与用户名相同", "the password must differ from the user name")
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
