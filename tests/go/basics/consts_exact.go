// run

// Untyped constants are exact: huge intermediate values, exact division,
// float constants folded exactly, then converted.
package main

const Big = 1 << 100
const Huge = Big * Big
const Small = Huge >> 198
const Third = 1.0 / 3
const Exact = Third * 3

const MaxU64 = 1<<64 - 1
const Pi = 3.14159265358979323846264338327950288419716939937510582097494459
const e30 = 1e30

func main() {
	println(Small)
	println(Big / (1 << 98))
	println(Exact == 1)
	println(uint64(MaxU64))
	println(MaxU64 / 3)
	println(Pi)
	println(float32(Pi))
	println(e30 / 1e29)
	println(int64(e30 / 1e12))
	const h = 'a' + 1
	println(h, string(rune(h)))
	const s = "con" + "cat"
	println(s, len(s))
	const q = 7 / 2
	const r = 7 / 2.0
	println(q, r)
	const neg = -7 % 3
	println(neg, -7/2)
	println(1<<62, -1<<63)
	const big2 = (Big + 1) % 1000
	println(big2)
}
