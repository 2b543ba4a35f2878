// run

// math/rand/v2's ChaCha8 from a fixed seed: internal/chacha8rand's block
// is gc's amd64 assembly, which deft serves with the package's Go twin
// (block_generic, as gc's ports without the assembly do); the stream must
// be gc's, across refills (every 32 words) and reseeds, and through
// Read, MarshalBinary and a generator on top of it.
package main

import (
	"fmt"
	"math/rand/v2"
)

func main() {
	var seed [32]byte
	copy(seed[:], "chacha8rand seed for deft's test")
	c := rand.NewChaCha8(seed)
	for i := range 300 {
		v := c.Uint64()
		if i < 4 || i%97 == 0 {
			fmt.Printf("%d %016x\n", i, v)
		}
	}
	buf := make([]byte, 20)
	c.Read(buf)
	fmt.Printf("read %x\n", buf)
	state, err := c.MarshalBinary()
	fmt.Printf("state %d %x %v\n", len(state), state[:16], err)
	r := rand.New(c)
	fmt.Println(r.IntN(1000), r.Float64(), r.Perm(8))
}
