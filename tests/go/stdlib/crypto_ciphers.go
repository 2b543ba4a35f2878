// run

// Upstream crypto/aes and crypto/cipher (pure Go): AES-GCM sealing and
// opening with a fixed key and nonce, a tampered message refused, CTR
// and CBC modes; ed25519 signing with a key from a fixed seed (its
// signatures are deterministic) and verification; X25519 agreement
// between two fixed keys.
package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ed25519"
	"fmt"
)

func main() {
	key := []byte("0123456789abcdef0123456789abcdef")
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	nonce := make([]byte, gcm.NonceSize())
	for i := range nonce {
		nonce[i] = byte(i)
	}
	plain := []byte("attack at dawn, bring the crypto/aes tests")
	sealed := gcm.Seal(nil, nonce, plain, []byte("header"))
	fmt.Printf("gcm %d %x\n", gcm.Overhead(), sealed)
	opened, err := gcm.Open(nil, nonce, sealed, []byte("header"))
	fmt.Printf("open %q %v\n", opened, err)
	sealed[3] ^= 1
	_, err = gcm.Open(nil, nonce, sealed, []byte("header"))
	fmt.Println("tampered:", err)

	ctr := make([]byte, len(plain))
	cipher.NewCTR(block, nonce[:aes.BlockSize]).XORKeyStream(ctr, plain)
	fmt.Printf("ctr %x\n", ctr)

	padded := append(bytes.Clone(plain), make([]byte, aes.BlockSize-len(plain)%aes.BlockSize)...)
	cbc := make([]byte, len(padded))
	cipher.NewCBCEncrypter(block, key[:aes.BlockSize]).CryptBlocks(cbc, padded)
	fmt.Printf("cbc %x\n", cbc)
	back := make([]byte, len(cbc))
	cipher.NewCBCDecrypter(block, key[:aes.BlockSize]).CryptBlocks(back, cbc)
	fmt.Println("cbc round trip:", bytes.Equal(back, padded))

	seed := bytes.Repeat([]byte{7}, ed25519.SeedSize)
	priv := ed25519.NewKeyFromSeed(seed)
	pub := priv.Public().(ed25519.PublicKey)
	msg := []byte("a message to sign")
	sig := ed25519.Sign(priv, msg)
	fmt.Printf("ed25519 pub %x\nsig %x\n", pub, sig)
	fmt.Println("verify:", ed25519.Verify(pub, msg, sig), ed25519.Verify(pub, msg[1:], sig))

	curve := ecdh.X25519()
	a, err := curve.NewPrivateKey(bytes.Repeat([]byte{1}, 32))
	if err != nil {
		panic(err)
	}
	b, err := curve.NewPrivateKey(bytes.Repeat([]byte{2}, 32))
	if err != nil {
		panic(err)
	}
	ab, err1 := a.ECDH(b.PublicKey())
	ba, err2 := b.ECDH(a.PublicKey())
	fmt.Printf("x25519 %x %v %v %v\n", ab, bytes.Equal(ab, ba), err1, err2)
}
