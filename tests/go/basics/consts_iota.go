// run

// iota in const blocks: skipping, expressions, typed iota, implicit
// repetition, several per line.
package main

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	a, b = iota, iota * 10
	c, d
	e, f
)

const (
	x0 = "s"
	x1
	x2 = iota
	x3
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
	FlagD
)

func main() {
	println(Sunday, Monday, Saturday)
	println(KB, MB, GB, TB)
	println(a, b, c, d, e, f)
	println(x0, x1, x2, x3)
	println(FlagA, FlagB, FlagC, FlagD, FlagA|FlagC|FlagD)
	var w Weekday = Friday
	println(w+1 == Saturday)
	const local = iota
	println(local)
}
