// run

// Channels through reflect (MakeChan, Send, Recv, TrySend, TryRecv,
// Close, Len, Cap, Select with and without default, goroutines blocking
// on reflect's operations), Value.Seq and Seq2 over every rangeable
// kind, and TypeAssert.
package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Small uint8

func main() {
	ct := reflect.TypeOf(make(chan string))
	c := reflect.MakeChan(ct, 2)
	fmt.Println(c.Type(), c.Len(), c.Cap())
	c.Send(reflect.ValueOf("a"))
	fmt.Println(c.TrySend(reflect.ValueOf("b")), c.TrySend(reflect.ValueOf("c")), c.Len())
	x, ok := c.Recv()
	fmt.Println(x, ok)
	x, ok = c.TryRecv()
	fmt.Println(x, ok)
	x, ok = c.TryRecv()
	fmt.Println(x.IsValid(), ok)
	c.Close()
	x, ok = c.Recv()
	fmt.Printf("%q %v\n", x.Interface(), ok)

	done := make(chan int)
	dv := reflect.ValueOf(done)
	go func() {
		for i := 1; i <= 3; i++ {
			dv.Send(reflect.ValueOf(i * 10))
		}
		close(done)
	}()
	for v := range dv.Seq() {
		fmt.Print(v.Int(), " ")
	}
	fmt.Println()

	a := make(chan int, 1)
	b := make(chan string, 1)
	b <- "ready"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b)},
	}
	chosen, recv, recvOK := reflect.Select(cases)
	fmt.Println(chosen, recv, recvOK)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectDefault})
	chosen, recv, recvOK = reflect.Select(cases)
	fmt.Println(chosen, recv.IsValid(), recvOK)
	chosen, _, _ = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a), Send: reflect.ValueOf(7)}})
	fmt.Println(chosen, <-a)
	close(b)
	chosen, recv, recvOK = reflect.Select(cases[1:2])
	fmt.Printf("%d %q %v\n", chosen, recv.Interface(), recvOK)
	for _, bad := range [][]reflect.SelectCase{
		{{Dir: reflect.SelectDefault}, {Dir: reflect.SelectDefault}},
		{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a), Send: reflect.ValueOf(1)}},
		{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(a)}},
		{{Dir: 9}},
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			reflect.Select(bad)
		}()
	}
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.ValueOf((<-chan int)(a)).Send(reflect.ValueOf(1))
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		reflect.MakeChan(reflect.TypeOf((chan<- int)(nil)), 0)
	}()

	for v := range reflect.ValueOf(Small(4)).Seq() {
		fmt.Print(v.Type(), v.Uint(), " ")
	}
	for v := range reflect.ValueOf(3).Seq() {
		fmt.Print(v.Type(), v.Int(), " ")
	}
	fmt.Println()
	for i, e := range reflect.ValueOf([]string{"x", "y"}).Seq2() {
		fmt.Print(i.Int(), e.String(), " ")
	}
	for i, r := range reflect.ValueOf("hé!").Seq2() {
		fmt.Print(i.Int(), string(rune(r.Int())), " ")
	}
	for i := range reflect.ValueOf(&[3]bool{}).Seq() {
		fmt.Print(i.Int(), " ")
	}
	for i, e := range reflect.ValueOf([2]float64{1.5, 2.5}).Seq2() {
		fmt.Print(i.Int(), e.Float(), " ")
	}
	fmt.Println()
	var keys []string
	for k, v := range reflect.ValueOf(map[string]int{"p": 1, "q": 2}).Seq2() {
		keys = append(keys, fmt.Sprint(k, "=", v))
	}
	sort.Strings(keys)
	fmt.Println(keys)
	for v := range reflect.ValueOf([]int{5, 6, 7}).Seq() {
		if v.Int() == 1 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println(reflect.TypeOf(0).CanSeq(), reflect.TypeOf(0).CanSeq2(), reflect.TypeOf("").CanSeq2(), reflect.TypeOf(1.5).CanSeq(),
		reflect.TypeOf(func(func(int) bool) {}).CanSeq(), reflect.TypeOf(func(func(int, string) bool) {}).CanSeq2())

	count := func(yield func(int) bool) {
		for i := 0; i < 5 && yield(i*i); i++ {
		}
	}
	pairs := func(yield func(string, int) bool) { _ = yield("a", 1) && yield("b", 2) && yield("c", 3) }
	for v := range reflect.ValueOf(count).Seq() {
		if v.Int() > 9 {
			break
		}
		fmt.Print(v.Int(), " ")
	}
	for k, v := range reflect.ValueOf(pairs).Seq2() {
		fmt.Print(k.String(), v.Int(), " ")
	}
	fmt.Println()

	n, ok := reflect.TypeAssert[int](reflect.ValueOf(5))
	s, ok2 := reflect.TypeAssert[string](reflect.ValueOf(5))
	st, ok3 := reflect.TypeAssert[fmt.Stringer](reflect.ValueOf(reflect.Int))
	fmt.Println(n, ok, s == "", ok2, st, ok3)
}
