// run

// Upstream crypto/rand over the runtime's hooks (getrandom through
// internal/syscall/unix, fips140's DRBG and its per-goroutine state):
// reads of several lengths fill the buffer without error, from several
// goroutines too; Int, Prime and Text keep to their ranges.
package main

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"math/big"
	"sync"
)

func main() {
	for _, n := range []int{0, 1, 16, 32, 1000, 1 << 16} {
		b := make([]byte, n)
		got, err := rand.Read(b)
		fmt.Println(n, got, err, n < 16 || !bytes.Equal(b, make([]byte, n)))
	}
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = make([]byte, 32)
			rand.Read(results[i])
		}()
	}
	wg.Wait()
	fmt.Println("distinct:", !bytes.Equal(results[0], results[1]) && !bytes.Equal(results[2], results[3]))

	max := big.NewInt(1000)
	ok := true
	for range 100 {
		v, err := rand.Int(rand.Reader, max)
		ok = ok && err == nil && v.Sign() >= 0 && v.Cmp(max) < 0
	}
	fmt.Println("Int in range:", ok)
	p, err := rand.Prime(rand.Reader, 64)
	fmt.Println("Prime:", p.BitLen(), p.ProbablyPrime(20), err)
	t := rand.Text()
	fmt.Println("Text:", len(t))
}
