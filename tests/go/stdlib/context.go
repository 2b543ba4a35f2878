// run

// context: cancellation through cancelable parents and a parent of the
// program's own, values, deadlines and timeouts, causes, AfterFunc,
// WithoutCancel, the String forms and WithValue's panic.

package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

// custom is a Context of the program's own: children made from it are
// watched by a goroutine of the package.
type custom struct {
	context.Context
	done chan struct{}
}

func (c custom) Done() <-chan struct{} { return c.done }
func (c custom) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

func main() {
	bg := context.Background()
	fmt.Println(bg, context.TODO())
	ctx, cancel := context.WithCancel(bg)
	fmt.Println(ctx, ctx.Err())
	child, ccancel := context.WithCancel(ctx)
	v := context.WithValue(child, key("k"), "v")
	fmt.Println(v.Value(key("k")), v.Value("k"), v)
	cancel()
	<-child.Done()
	fmt.Println(child.Err(), context.Cause(v), errors.Is(child.Err(), context.Canceled))
	ccancel()
	tctx, tcancel := context.WithTimeout(bg, 10*time.Millisecond)
	defer tcancel()
	select {
	case <-tctx.Done():
		fmt.Println("timeout", tctx.Err())
	case <-time.After(time.Second):
		fmt.Println("late")
	}
	cc, ccause := context.WithCancelCause(bg)
	ccause(errors.New("boom"))
	fmt.Println(cc.Err(), context.Cause(cc))
	stop := context.AfterFunc(ctx, func() { fmt.Println("after") })
	time.Sleep(5 * time.Millisecond)
	fmt.Println(stop())
	wc := context.WithoutCancel(ctx)
	fmt.Println(wc.Err(), wc.Done() == nil, wc)
	func() {
		defer func() { fmt.Println(recover()) }()
		context.WithValue(bg, []int{1}, 1)
	}()
	d, dc := context.WithDeadline(bg, time.Now().Add(-time.Second))
	defer dc()
	fmt.Println(d.Err())

	cu := custom{context.Background(), make(chan struct{})}
	w, wcancel := context.WithCancel(cu)
	defer wcancel()
	fmt.Println(w)
	close(cu.done)
	<-w.Done()
	fmt.Println("custom parent:", w.Err())

	parent, pcancel := context.WithTimeout(bg, time.Hour)
	defer pcancel()
	later, lcancel := context.WithDeadline(parent, time.Now().Add(2*time.Hour))
	defer lcancel()
	dl, ok := later.Deadline()
	pdl, _ := parent.Deadline()
	fmt.Println(ok, dl.Equal(pdl))
	pcancel()
	<-later.Done()
	fmt.Println(later.Err())
}
