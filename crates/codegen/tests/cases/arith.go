package main

func add(a, b int) int { return a + b }

func divmod(a, b int) (int, int) { return a / b, a % b }

func main() {
	var x int8 = 127
	x = x + 1
	println(add(2, 3), x)
	q, r := divmod(-7, 2)
	println(q, r)
	var m int64 = -9223372036854775808
	var d int64 = -1
	println(m/d, m%d)
	var s uint = 3
	println(1<<s, -16>>s, 1<<(s+62), uint32(1)<<(s+37))
	var f float64 = 1.5
	println(f*2, float32(f)/3, int(f*3))
	big := 1e300
	println(int64(big), uint64(big), int32(big), uint8(int(f*100)))
	println(true && !false, "s"+"t", len("hello"))
}
