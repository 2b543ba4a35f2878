package main

import (
	"fmt"

	"example.com/buildtags/platform"
)

func main() {
	fmt.Println(osName(), archBits(), platform.Kind(), platform.Unix)
	fmt.Println(release(), legacy(), combined())
}
