// run

// An unrecovered makeslice error: the message and exit status 2.

package main

func get(n int) []string {
	return make([]string, n)
}

func main() {
	defer println("deferred runs")
	println(len(get(2)))
	println(len(get(-2)))
}
