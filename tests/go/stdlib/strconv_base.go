// run

// strconv.FormatInt with an illegal base panics.
package main

import "strconv"

func main() {
	println(strconv.FormatInt(10, 36))
	println(strconv.FormatInt(10, 37))
}
