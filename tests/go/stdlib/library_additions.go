// run

// Library additions: time.Time's Add/Before/After/Equal/IsZero,
// atomic.Value's Swap and CompareAndSwap, sync.Map, os's error values.

package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	t := time.Now()
	u := t.Add(time.Second)
	fmt.Println(u.After(t), t.Before(u), t.Equal(t), u.Sub(t), time.Time{}.IsZero(), t.IsZero())
	var v atomic.Value
	fmt.Println(v.Swap(1), v.Load(), v.CompareAndSwap(1, 2), v.CompareAndSwap(1, 3), v.Load())
	func() {
		defer func() { fmt.Println(recover()) }()
		v.Swap("x")
	}()
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	a, ok := m.Load("a")
	c, loaded := m.LoadOrStore("c", 3)
	d, loaded2 := m.LoadOrStore("a", 9)
	fmt.Println(a, ok, c, loaded, d, loaded2)
	m.Delete("b")
	var keys []string
	m.Range(func(k, v any) bool {
		keys = append(keys, fmt.Sprint(k, "=", v))
		m.Store("z", 26)
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	fmt.Println(os.ErrNotExist, errors.Is(os.ErrExist, os.ErrExist), os.ErrPermission, os.ErrClosed, os.ErrInvalid)
}
