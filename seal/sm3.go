package seal

import (
	"encoding/binary"
	"hash"
	"math/bits"
)

// SM3Size is the size of an SM3 digest in bytes.
const SM3Size = 32

// sm3BlockSize is the SM3 message block size in bytes.
const sm3BlockSize = 64

var sm3IV = [8]uint32{0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e}

// sm3Digest is the running state of an SM3 hash.
type sm3Digest struct {
	v   [8]uint32
	buf [sm3BlockSize]byte
	n   int    // bytes in buf
	len uint64 // message bytes so far
}

// NewSM3 returns a new SM3 hash (GB/T 32905-2016) as a hash.Hash, usable
// with crypto/hmac.
func NewSM3() hash.Hash {
	d := &sm3Digest{}
	d.Reset()
	return d
}

// Reset restores the initial state.
func (d *sm3Digest) Reset() { d.v, d.n, d.len = sm3IV, 0, 0 }

// Size returns SM3Size.
func (d *sm3Digest) Size() int { return SM3Size }

// BlockSize returns the 64-byte block size.
func (d *sm3Digest) BlockSize() int { return sm3BlockSize }

// Write adds p to the message; it never fails.
func (d *sm3Digest) Write(p []byte) (int, error) {
	n := len(p)
	d.len += uint64(n)
	if d.n > 0 {
		c := copy(d.buf[d.n:], p)
		d.n += c
		p = p[c:]
		if d.n == sm3BlockSize {
			d.block(d.buf[:])
			d.n = 0
		}
	}
	for len(p) >= sm3BlockSize {
		d.block(p[:sm3BlockSize])
		p = p[sm3BlockSize:]
	}
	d.n += copy(d.buf[:], p)
	return n, nil
}

// Sum appends the digest of the message so far to b without changing the
// state.
func (d *sm3Digest) Sum(b []byte) []byte {
	c := *d
	bitLen := c.len * 8
	var pad [sm3BlockSize + 8]byte
	pad[0] = 0x80
	k := (55 - int(c.len%64) + 64) % 64 // zero bytes after 0x80
	binary.BigEndian.PutUint64(pad[1+k:], bitLen)
	c.Write(pad[:1+k+8])
	for _, v := range c.v {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}

func sm3P0(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 9) ^ bits.RotateLeft32(x, 17) }
func sm3P1(x uint32) uint32 { return x ^ bits.RotateLeft32(x, 15) ^ bits.RotateLeft32(x, 23) }

// block compresses one 64-byte block into the state.
func (d *sm3Digest) block(p []byte) {
	var w [68]uint32
	var w1 [64]uint32
	for j := 0; j < 16; j++ {
		w[j] = binary.BigEndian.Uint32(p[4*j:])
	}
	for j := 16; j < 68; j++ {
		w[j] = sm3P1(w[j-16]^w[j-9]^bits.RotateLeft32(w[j-3], 15)) ^ bits.RotateLeft32(w[j-13], 7) ^ w[j-6]
	}
	for j := 0; j < 64; j++ {
		w1[j] = w[j] ^ w[j+4]
	}
	a, b, c, dd, e, f, g, h := d.v[0], d.v[1], d.v[2], d.v[3], d.v[4], d.v[5], d.v[6], d.v[7]
	for j := 0; j < 64; j++ {
		t := uint32(0x79cc4519)
		if j >= 16 {
			t = 0x7a879d8a
		}
		ss1 := bits.RotateLeft32(bits.RotateLeft32(a, 12)+e+bits.RotateLeft32(t, j%32), 7)
		ss2 := ss1 ^ bits.RotateLeft32(a, 12)
		var ff, gg uint32
		if j < 16 {
			ff, gg = a^b^c, e^f^g
		} else {
			ff, gg = (a&b)|(a&c)|(b&c), (e&f)|(^e&g)
		}
		tt1 := ff + dd + ss2 + w1[j]
		tt2 := gg + h + ss1 + w[j]
		dd, c, b, a = c, bits.RotateLeft32(b, 9), a, tt1
		h, g, f, e = g, bits.RotateLeft32(f, 19), e, sm3P0(tt2)
	}
	d.v[0] ^= a
	d.v[1] ^= b
	d.v[2] ^= c
	d.v[3] ^= dd
	d.v[4] ^= e
	d.v[5] ^= f
	d.v[6] ^= g
	d.v[7] ^= h
}
