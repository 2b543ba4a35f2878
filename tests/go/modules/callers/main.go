package main

import (
	"fmt"

	"example.com/callers/where"
)

type T struct{}

func (T) Method() string { return whereabouts.Here(0) }

func main() {
	fmt.Println(whereabouts.Here(0))
	fmt.Println(T{}.Method())
	func() { fmt.Println(whereabouts.Here(0)) }()
	func() { fmt.Println(whereabouts.Here(1)) }()
	var p whereabouts.Probe
	fmt.Println(p.Name())
	fmt.Println(whereabouts.Closure()())
	for _, f := range whereabouts.Stack() {
		fmt.Println("  ", f)
	}
}
