// run

// The order goroutines run in: the one made runnable last runs first (gc's
// runnext), as gc prints it.

package main

import "fmt"

func main() {
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func(i int) { results <- i * i }(i)
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-results)
	}
}
