// run

// Panic values of named basic types print with their type: main.T(5).
package main

type T int

func main() {
	defer func() {
		r := recover()
		println("recovered a T:", r == T(5), r == 5)
		panic(T(5))
	}()
	panic(T(5))
}
