// run

// Named types over basic types: arithmetic stays in the named type,
// conversions between named and underlying types, constants of named type.
package main

type Meters float64
type Feet float64
type ID uint16
type Name string
type Flag bool

func toFeet(m Meters) Feet { return Feet(m * 3.28084) }

func next(id ID) ID { return id + 1 }

func greet(n Name) Name { return "hi " + n }

func main() {
	var m Meters = 100
	println(toFeet(m))
	println(m/3, m+0.5)
	var id ID = 65535
	println(next(id), next(7))
	println(greet("bob"), len(greet("x")))
	var f Flag = true
	println(!f, f && Flag(false))
	var raw float64 = float64(m) * 2
	println(raw)
	type local int
	var l local = 5
	println(l * l)
	var n Name = "abc"
	println(n[1], n[1:], n < "abd")
}
