// run

// Division and remainder truncate toward zero for every sign combination
// and width; constant and variable operands agree.
package main

func div(a, b int) (int, int) { return a / b, a % b }

func main() {
	println(div(7, 2))
	println(div(-7, 2))
	println(div(7, -2))
	println(div(-7, -2))
	println(7/2, -7/2, 7/-2, -7/-2)
	println(7%2, -7%2, 7%-2, -7%-2)
	var a int8 = -7
	var b int8 = 2
	println(a/b, a%b)
	var ua uint8 = 250
	var ub uint8 = 7
	println(ua/ub, ua%ub)
	var big uint64 = 18446744073709551615
	println(big/10, big%10)
	var n int64 = -9223372036854775807
	println(n/1000000007, n%1000000007)
	for i := -3; i <= 3; i++ {
		if i == 0 {
			continue
		}
		print(100/i, " ", 100%i, " ")
	}
	println()
}
