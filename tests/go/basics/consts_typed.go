// run

// Typed constants, constant expressions of named types, and untyped
// constants taking the type of their context.
package main

type Celsius float64
type Count int16

const Boiling Celsius = 100
const Freezing = Celsius(0)
const Many Count = 30000

func half(c Celsius) Celsius { return c / 2 }

func main() {
	println(Boiling, Freezing, half(Boiling))
	println(Many, Many/7, Many%7)
	var x uint8 = 200
	println(x + 55)
	var f float32 = 1 / 3.0
	println(f)
	var d = 1 / 3.0
	println(d)
	const big = 1 << 40
	var i64 int64 = big
	println(i64, big>>30)
	var r rune = 'Z'
	println(r, string(r))
	println(len("héllo"), len("") == 0)
}
