// run

// print and println of every basic kind: spacing, newlines, bools, signed
// and unsigned extremes, floats in gc's exponent format.
package main

func main() {
	println()
	println(1, 2, 3)
	print(1, 2, 3, "\n")
	print("a", "b", 1, true, "\n")
	println("a", "b", 1, true)
	println(true, false)
	println(int8(-128), int8(127), uint8(255))
	println(int16(-32768), int16(32767), uint16(65535))
	println(int32(-2147483648), int32(2147483647), uint32(4294967295))
	println(int64(-9223372036854775808), int64(9223372036854775807))
	println(uint64(18446744073709551615))
	println(uint(18446744073709551615), uintptr(4096))
	println(0, -0, 1e3 == 1000)
	println(1.5, -1.5, 0.0, 100.0, 1e100, 1e-100)
	println(float32(1.5), float32(0.1), float32(3.4028234663852886e38))
	println(3.141592653589793, 2.718281828459045)
	println(123456789.0, 0.000123456789)
	var z float64
	println(z, -z, 1/(z+1))
	println("")
	println("tab\there", "quote\"", `raw\n`)
	print()
	print("end")
	print("\n")
}
