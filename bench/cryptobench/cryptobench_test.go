// Package cryptobench measures the hashes issue 16 names (crypto/sha256,
// crypto/md5) as upstream compiles them for deft: pure Go (the purego
// tag), where gc runs its assembly. `deft test -bench .` and `go test
// -bench .` here, side by side, give the ratio (MB/s from SetBytes).
package cryptobench

import (
	"crypto/md5"
	"crypto/sha256"
	"hash"
	"testing"
)

var sink []byte

func benchHash(b *testing.B, h hash.Hash, size int) {
	buf := make([]byte, size)
	for i := range buf {
		buf[i] = byte(i)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		h.Reset()
		h.Write(buf)
		sink = h.Sum(sink[:0])
	}
}

func BenchmarkSHA256_64(b *testing.B) { benchHash(b, sha256.New(), 64) }
func BenchmarkSHA256_8K(b *testing.B) { benchHash(b, sha256.New(), 8<<10) }
func BenchmarkMD5_64(b *testing.B)    { benchHash(b, md5.New(), 64) }
func BenchmarkMD5_8K(b *testing.B)    { benchHash(b, md5.New(), 8<<10) }
