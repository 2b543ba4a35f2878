// run

// A function with more defers than gc's 8-bit deferBits (so not
// open-coded in gc), on the normal path and with a panic that the last
// deferred call (the first deferred) recovers.
package main

func many(fail bool) (log string) {
	defer func() {
		if r := recover(); r != nil {
			log += " recovered"
		}
	}()
	defer func() { log += "1" }()
	defer func() { log += "2" }()
	defer func() { log += "3" }()
	defer func() { log += "4" }()
	defer func() { log += "5" }()
	defer func() { log += "6" }()
	defer func() { log += "7" }()
	defer func() { log += "8" }()
	defer func() { log += "9" }()
	defer func() { log += "10" }()
	if fail {
		panic("fail")
	}
	return "start:"
}

func main() {
	println(many(false))
	println(many(true))
}
