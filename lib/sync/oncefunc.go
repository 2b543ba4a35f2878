// OnceFunc, OnceValue and OnceValues (Go 1.21): a function made to run
// once, whose result (or panic) every later call repeats.

package sync

// onceCall runs f the first time it is called and records how f ended:
// normally, or by a panic (or Goexit) whose value every call, the first
// included, raises again.
type onceCall struct {
	once     Once
	returned bool
	panicked any
}

// run calls f through o's Once, then repeats f's panic if it had one.
func (o *onceCall) run(f func()) {
	o.once.Do(func() {
		defer func() {
			if !o.returned {
				o.panicked = recover()
				panic(o.panicked)
			}
		}()
		f()
		o.returned = true
	})
	if !o.returned {
		panic(o.panicked)
	}
}

// OnceFunc returns a function that calls f once, however often and from
// however many goroutines it is called; if f panicked, every call panics
// with the same value.
func OnceFunc(f func()) func() {
	o := new(onceCall)
	return func() { o.run(f) }
}

// OnceValue returns a function that calls f once and returns its result
// on every call; if f panicked, every call panics with the same value.
func OnceValue[T any](f func() T) func() T {
	o := new(onceCall)
	var v T
	return func() T {
		o.run(func() { v = f() })
		return v
	}
}

// OnceValues returns a function that calls f once and returns its results
// on every call; if f panicked, every call panics with the same value.
func OnceValues[T1, T2 any](f func() (T1, T2)) func() (T1, T2) {
	o := new(onceCall)
	var v1 T1
	var v2 T2
	return func() (T1, T2) {
		o.run(func() { v1, v2 = f() })
		return v1, v2
	}
}
