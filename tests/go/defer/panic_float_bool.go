// run

// Panic values of other basic kinds: the chain shows a float64, a bool
// and a uint8 as print would.
package main

func main() {
	defer func() {
		defer func() {
			panic(uint8(200))
		}()
		panic(true)
	}()
	panic(1.5)
}
