package main

func Map[T any](xs []T, f func(T) T) []T { return xs }

type List[T any] []T

func main() {
	println(1)
}
