package main

func process(n int) {
	defer println("process deferred", n)
	if n == 0 {
		panic("reached zero in work.go")
	}
	process(n - 1)
}
