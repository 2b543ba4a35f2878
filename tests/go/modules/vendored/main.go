package main

import (
	"fmt"

	"example.com/greeting"
	"example.com/greeting/loud"
)

func main() {
	fmt.Println(greeting.Hello("vendor"), greeting.Version, loud.Up("ok"))
}
