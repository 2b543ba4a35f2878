// run

// defer recover() in a range-over-func body joins the enclosing function's
// records: it stops a panic when that function is the deferred call the
// panic is running, as a defer recover() of the function itself would;
// a deferred closure calling recover there does not (one frame too many).

package main

func it(yield func() bool) { yield() }

func f4() {
	for range it {
		defer recover()
	}
}

func f5() {
	for range it {
		defer func() { println("f5 inner got", recover()) }()
	}
}

func f6() {
	defer func() {}()
	for range it {
		defer func() { println("f6 inner got", recover()) }()
	}
}

func try(f func()) {
	defer func() { println("outer recovered:", recover() != nil) }()
	defer f()
	panic(true)
}

func main() {
	try(f4)
	try(f5)
	try(f6)
}
