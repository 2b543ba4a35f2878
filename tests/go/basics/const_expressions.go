// run

// Constant expressions of every operator, folded by the compiler, compared
// with the same expressions on variables evaluated at run time.
package main

func main() {
	const a, b = 1234567, 89
	x, y := a, b
	println(a+b, a-b, a*b, a/b, a%b, a&b, a|b, a^b, a&^b, a<<3, a>>3)
	println(x+y, x-y, x*y, x/y, x%y, x&y, x|y, x^y, x&^y, x<<3, x>>3)
	println(^a, -a, +a, ^x, -x, +x)
	const u8 uint8 = 0xF0
	v8 := u8
	println(^u8, ^v8, u8>>4, v8<<2)
	const f = 2.5
	g := f
	println(f*f, g*g, f/3, g/3, -f, -g)
	println(a == b, a != b, a < b, a >= b, x == y, x < y)
	const s = "abc" + "def"
	t := s
	println(s < "abd", t < "abd", len(s), len(t))
}
