// run

// Boolean operators short-circuit; comparison results are ordinary values.
package main

var log string

func t(name string) bool { log += name; return true }
func f(name string) bool { log += name; return false }

func main() {
	println(t("a") || f("b"), log)
	log = ""
	println(f("a") && t("b"), log)
	log = ""
	println(f("a") || t("b") && f("c"), log)
	log = ""
	println(!(t("a") && t("b")) || f("c"), log)
	x := 3
	isOdd := x%2 == 1
	isBig := x > 10
	println(isOdd, isBig, isOdd != isBig, isOdd == !isBig)
	var b bool
	println(b, !b)
}
