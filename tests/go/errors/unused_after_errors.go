// errorcheck

// Since Go 1.20 a variable is reported unused even when its initialization
// failed; an assignment to it is no use, nor is a failed one.
package main

func pair() (int, int) { return 1, 2 }

func main() {
	var a int = "s"
	b, c := pair(), 1
	var d, e = 1
	x, y := 1, 2
	x, y = 1
	z := 3
	z = undefinedName
	switch t := interface{}(1).(type) {
	}
}
