// run

// math/rand: gc's generator and derivations give gc's numbers for every seed
// (the top-level functions start seeded with 1, as in Go 1.19).

package main

import (
	"fmt"
	"math/rand"
)

func main() {
	fmt.Println(rand.Int(), rand.Intn(100), rand.Int63n(1e15+7), rand.Float64(), rand.Float32())
	fmt.Println(rand.Perm(10), rand.Uint32(), rand.Uint64(), rand.Int31n(1000), rand.Int31())
	s := []string{"a", "b", "c", "d", "e", "f"}
	rand.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	rand.Seed(42)
	fmt.Println(rand.Intn(1000), rand.Intn(1<<40), rand.Int63())
	r := rand.New(rand.NewSource(-7))
	b := make([]byte, 10)
	r.Read(b)
	fmt.Println(b, r.Intn(7), r.Float64())
	r.Seed(0)
	fmt.Println(r.Int63(), r.Perm(5))
	defer func() { fmt.Println(recover()) }()
	rand.Intn(0)
}
