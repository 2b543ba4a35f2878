// run

// Upstream crypto and hash packages compiled with the purego tag, with
// the runtime's crypto hooks (fips140's self-tests run at first use):
// digests of short, block-sized and long inputs written whole and in
// pieces, HMAC, HKDF and PBKDF2 with fixed keys, and the non-crypto hashes.
package main

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc64"
	"hash/fnv"
	"strings"
)

func pieces(h hash.Hash, data []byte) []byte {
	for i := 0; i < len(data); i += 77 {
		h.Write(data[i:min(i+77, len(data))])
	}
	return h.Sum(nil)
}

func main() {
	inputs := [][]byte{
		nil,
		[]byte("abc"),
		[]byte(strings.Repeat("a", 64)),
		[]byte(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 100)),
	}
	for _, in := range inputs {
		fmt.Printf("md5    %x\n", md5.Sum(in))
		fmt.Printf("sha1   %x\n", sha1.Sum(in))
		fmt.Printf("sha224 %x\n", sha256.Sum224(in))
		fmt.Printf("sha256 %x\n", sha256.Sum256(in))
		fmt.Printf("sha384 %x\n", sha512.Sum384(in))
		fmt.Printf("sha512 %x\n", sha512.Sum512(in))
		fmt.Printf("sha3   %x\n", sha3.Sum256(in))
	}
	long := inputs[3]
	whole := sha256.Sum256(long)
	fmt.Println("sha256 in pieces equal:", subtle.ConstantTimeCompare(pieces(sha256.New(), long), whole[:]) == 1)
	fmt.Printf("sha512 pieces %x\n", pieces(sha512.New(), long))
	fmt.Printf("md5 pieces %x\n", pieces(md5.New(), long))

	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write([]byte("The quick brown fox jumps over the lazy dog"))
	sum := mac.Sum(nil)
	fmt.Printf("hmac-sha256 %x\n", sum)
	mac.Reset()
	mac.Write([]byte("The quick brown fox jumps over the lazy dog"))
	fmt.Println("hmac equal:", hmac.Equal(sum, mac.Sum(nil)), hmac.Equal(sum, sum[1:]))
	fmt.Printf("hmac-sha1 %x\n", pieces(hmac.New(sha1.New, []byte("secret")), long))

	prk, err := hkdf.Extract(sha256.New, []byte("input key material"), []byte("salt"))
	fmt.Printf("hkdf extract %x %v\n", prk, err)
	okm, err := hkdf.Key(sha256.New, []byte("input key material"), []byte("salt"), "info", 42)
	fmt.Printf("hkdf key %x %v\n", okm, err)
	dk, err := pbkdf2.Key(sha256.New, "password", []byte("salt"), 4096, 32)
	fmt.Printf("pbkdf2 %x %v\n", dk, err)

	fmt.Printf("adler32 %08x\n", adler32.Checksum(long))
	fmt.Printf("crc64 %016x\n", crc64.Checksum(long, crc64.MakeTable(crc64.ECMA)))
	f := fnv.New64a()
	f.Write(long)
	fmt.Printf("fnv64a %016x\n", f.Sum64())
}
