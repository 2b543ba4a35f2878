// run

// Deferring builtins: println, print, panic, and recover (which, deferred
// directly, does not stop a panic).
package main

func deferPrint() {
	x := 1
	defer println("deferred println", x)
	defer print("deferred print ", x, "\n")
	x = 2
}

func deferPanic() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = r.(string)
		}
	}()
	defer panic("from deferred panic")
	return "normal"
}

func main() {
	deferPrint()
	println(deferPanic())
	defer println("main's deferred println runs during the panic")
	defer recover()
	panic("not stopped by defer recover()")
}
