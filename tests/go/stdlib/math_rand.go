// run

// math/rand: gc's generator and derivations give gc's numbers for every
// seed. The top-level functions are randomly seeded (Go 1.20) and Seed is a
// no-op (Go 1.24), so they are only checked for shape, and for not being
// the sequence of seed 1 (or of the seed Seed was given).

package main

import (
	"fmt"
	"math/rand"
)

func main() {
	g := rand.New(rand.NewSource(1))
	fmt.Println(g.Int(), g.Intn(100), g.Int63n(1e15+7), g.Float64(), g.Float32())
	fmt.Println(g.Perm(10), g.Uint32(), g.Uint64(), g.Int31n(1000), g.Int31())
	s := []string{"a", "b", "c", "d", "e", "f"}
	g.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	g.Seed(42)
	fmt.Println(g.Intn(1000), g.Intn(1<<40), g.Int63())
	r := rand.New(rand.NewSource(-7))
	b := make([]byte, 10)
	r.Read(b)
	fmt.Println(b, r.Intn(7), r.Float64())
	r.Seed(0)
	fmt.Println(r.Int63(), r.Perm(5))

	// The top-level functions: in range, and not seed 1's sequence.
	first := rand.Int63()
	fmt.Println(first == rand.New(rand.NewSource(1)).Int63())
	n, f, p := rand.Intn(10), rand.Float64(), rand.Perm(8)
	seen := 0
	for _, v := range p {
		seen |= 1 << v
	}
	fmt.Println(n >= 0 && n < 10, f >= 0 && f < 1, len(p), seen == 1<<8-1)
	rand.Seed(42)
	fmt.Println(rand.Int63() == rand.New(rand.NewSource(42)).Int63())
	buf := make([]byte, 5)
	k, err := rand.Read(buf)
	fmt.Println(k, err)

	defer func() { fmt.Println(recover()) }()
	rand.Intn(0)
}
