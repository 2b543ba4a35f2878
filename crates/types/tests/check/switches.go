package main
func main() {
	x := 1
	switch x {
	case 1, 2:
	case 1:
	case "a":
	}
	switch {
	case x > 1:
	case 1:
	}
	var i interface{} = x
	switch v := i.(type) {
	case int, string:
	case int:
	}
	switch y := i.(type) {
	case int:
		_ = y
	}
	switch x.(type) {
	}
}
