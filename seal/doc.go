// Package seal encrypts personal data at rest: ID numbers and phones are
// stored sealed (AES-256-GCM, or SM4-GCM where national cryptography is
// required) and matched by a keyed hash (HMAC-SHA256, or HMAC-SM3 for SM4
// keys). A Keyring holds the keys by id: the current key seals and hashes,
// older keys stay readable until a rotation has re-sealed everything. The
// keys live in a key file or the HEZUO_KEY variable, never in the database.
// SM4 (GB/T 32907-2016) and SM3 (GB/T 32905-2016) come from
// github.com/emmansun/gmsm (see gm.go) as cipher.Block and hash.Hash.
//
// The package is pure apart from ReadFile/WriteFile.
package seal
