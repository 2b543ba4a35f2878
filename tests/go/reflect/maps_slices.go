// run

// Maps and slices built and changed through reflect: MakeMap, MapIndex,
// MapKeys, MapRange, SetMapIndex (deleting with the zero Value),
// MakeSlice, Append, AppendSlice, Copy, Swapper, Grow, Clear.
package main

import (
	"fmt"
	"reflect"
	"sort"
)

type Key struct {
	A string
	B int
}

func main() {
	m := map[string]int{"one": 1, "two": 2, "three": 3}
	mv := reflect.ValueOf(m)
	fmt.Println(mv.Len(), mv.MapIndex(reflect.ValueOf("two")).Int(), mv.MapIndex(reflect.ValueOf("four")).IsValid())
	var keys []string
	for _, k := range mv.MapKeys() {
		keys = append(keys, k.String())
	}
	sort.Strings(keys)
	fmt.Println(keys)
	mv.SetMapIndex(reflect.ValueOf("four"), reflect.ValueOf(4))
	mv.SetMapIndex(reflect.ValueOf("one"), reflect.Value{})
	fmt.Println(len(m), m["four"], m["one"])
	sum := 0
	it := mv.MapRange()
	for it.Next() {
		sum += int(it.Value().Int()) * len(it.Key().String())
	}
	fmt.Println(sum)

	mt := reflect.MapOf(reflect.TypeOf(Key{}), reflect.TypeOf([]string{}))
	nm := reflect.MakeMap(mt)
	nm.SetMapIndex(reflect.ValueOf(Key{"x", 1}), reflect.ValueOf([]string{"a"}))
	nm.SetMapIndex(reflect.ValueOf(Key{"y", 2}), reflect.ValueOf([]string{"b", "c"}))
	fmt.Println(nm.Type(), nm.Len(), nm.MapIndex(reflect.ValueOf(Key{"y", 2})).Len())
	im := map[any]string{1: "int", "s": "string"}
	imv := reflect.ValueOf(im)
	fmt.Println(imv.MapIndex(reflect.ValueOf(1)).String(), imv.MapIndex(reflect.ValueOf("s")).String())
	var nilmap map[string]int
	fmt.Println(reflect.ValueOf(nilmap).Len(), len(reflect.ValueOf(nilmap).MapKeys()), reflect.ValueOf(nilmap).MapIndex(reflect.ValueOf("a")).IsValid())
	var iterKey string
	var iterVal int
	it2 := reflect.ValueOf(map[string]int{"only": 7}).MapRange()
	for it2.Next() {
		reflect.ValueOf(&iterKey).Elem().SetIterKey(it2)
		reflect.ValueOf(&iterVal).Elem().SetIterValue(it2)
	}
	fmt.Println(iterKey, iterVal)

	st := reflect.TypeOf([]int{})
	s := reflect.MakeSlice(st, 2, 3)
	s.Index(0).SetInt(10)
	s = reflect.Append(s, reflect.ValueOf(30), reflect.ValueOf(40))
	fmt.Println(s.Interface(), s.Len(), s.Cap())
	s = reflect.AppendSlice(s, reflect.ValueOf([]int{5, 6, 7}))
	fmt.Println(s.Interface(), s.Len(), s.Cap())
	dst := reflect.MakeSlice(st, 3, 3)
	n := reflect.Copy(dst, s)
	fmt.Println(n, dst.Interface())
	bs := make([]byte, 4)
	fmt.Println(reflect.Copy(reflect.ValueOf(bs), reflect.ValueOf("hey!!")), string(bs))
	var arr [2]string
	fmt.Println(reflect.Copy(reflect.ValueOf(&arr).Elem(), reflect.ValueOf([]string{"p", "q", "r"})), arr)

	people := []struct {
		Name string
		Age  int
	}{{"Ann", 30}, {"Bob", 25}, {"Cy", 35}}
	swap := reflect.Swapper(people)
	swap(0, 2)
	fmt.Println(people)
	words := []string{"c", "a", "b"}
	sort.Slice(words, func(i, j int) bool { return words[i] < words[j] })
	fmt.Println(words)
	grow := []int{1}
	gv := reflect.ValueOf(&grow).Elem()
	gv.Grow(10)
	fmt.Println(len(grow), cap(grow) >= 11)
	gv.Clear()
	cm := map[int]int{1: 1, 2: 2}
	reflect.ValueOf(cm).Clear()
	fmt.Println(grow, len(cm))
	var acc []string
	av := reflect.ValueOf(acc)
	for i := 0; i < 5; i++ {
		av = reflect.Append(av, reflect.ValueOf(fmt.Sprint(i)))
		fmt.Print(av.Len(), ":", av.Cap(), " ")
	}
	fmt.Println(av.Interface())
}
