// run

// Range loops assign their iteration values as an assignment statement
// does: the targets' operands first (x[i] at the old i), then the stores.

package main

func main() {
	x := []int{10, 20}
	i := 1
	i, x[i] = 0, 99
	println(i, x[0], x[1])
	y := []int{99}
	x = []int{10, 20}
	i = 1
	for i, x[i] = range y {
		break
	}
	println(i, x[0], x[1])
	var k string
	ks := map[string]string{}
	for k, ks[k] = range map[string]string{"z": "v"} {
	}
	println(k, len(ks), ks[""])
}
