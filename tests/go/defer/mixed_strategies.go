// run

// A panic crossing frames whose defers use different strategies in gc:
// open-coded, stack records and heap records (in loops), interleaved.
package main

var log string

func note(s string) { log += s + " " }

func openCoded() {
	defer note("open1")
	defer note("open2")
	stackRecords(2)
}

func stackRecords(n int) {
	defer note("stack-before-loop")
	for i := 0; i < n; i++ {
		defer note("heap")
	}
	heapThenOpen()
}

func heapThenOpen() {
	defer note("open3")
	loopy()
}

func loopy() {
	for i := 0; i < 2; i++ {
		defer func(k int) {
			note("heap-closure")
			if k == 0 {
				note("last-loop-defer")
			}
		}(i)
	}
	panic("crossing")
}

func main() {
	defer func() {
		r := recover()
		println(r.(string))
		println(log)
	}()
	openCoded()
}
