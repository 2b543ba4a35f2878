// run

// An unrecovered slice bounds error on an array.

package main

func main() {
	var a [4]int
	k := 7
	println(len(a[:2]))
	s := a[1:3:k]
	println(len(s))
}
