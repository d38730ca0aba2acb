package seal

import (
	"crypto/cipher"
	"hash"

	"github.com/emmansun/gmsm/sm3"
	"github.com/emmansun/gmsm/sm4"
)

// SM4 and SM3 come from github.com/emmansun/gmsm, the maintained Go
// implementation of the national algorithms (constant-time assembly on
// amd64 and arm64, checked against the GB/T vectors). These wrappers keep
// seal's names for them.

// SM3Size is the size of an SM3 digest in bytes.
const SM3Size = sm3.Size

// SM4BlockSize is the SM4 block size in bytes.
const SM4BlockSize = sm4.BlockSize

// NewSM3 returns a new SM3 hash (GB/T 32905-2016) as a hash.Hash, usable
// with crypto/hmac.
func NewSM3() hash.Hash { return sm3.New() }

// NewSM4 returns the SM4 block cipher (GB/T 32907-2016) for a 16-byte key
// as a cipher.Block, ready for cipher.NewGCM (which uses gmsm's own GCM
// code for it where the CPU allows).
func NewSM4(key []byte) (cipher.Block, error) { return sm4.NewCipher(key) }
