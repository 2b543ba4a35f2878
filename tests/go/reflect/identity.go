// run

// Types reflect builds are the program's own when the program has them:
// SliceOf, MapOf, ArrayOf, ChanOf, FuncOf and PointerTo give descriptors
// equal (==) to TypeOf's, and values of them assert to the static types;
// types the program never names are made once.
package main

import (
	"fmt"
	"reflect"
)

type Point struct{ X, Y int }

func main() {
	str := reflect.TypeOf("")
	i := reflect.TypeOf(0)
	fmt.Println(reflect.SliceOf(i) == reflect.TypeOf([]int{}))
	fmt.Println(reflect.MapOf(str, i) == reflect.TypeOf(map[string]int{}))
	fmt.Println(reflect.ArrayOf(8, str) == reflect.TypeOf([8]string{}))
	fmt.Println(reflect.ChanOf(reflect.BothDir, i) == reflect.TypeOf(make(chan int)))
	fmt.Println(reflect.ChanOf(reflect.RecvDir, i) == reflect.TypeOf(make(<-chan int)))
	fmt.Println(reflect.FuncOf([]reflect.Type{i, str}, []reflect.Type{str}, false) == reflect.TypeOf(func(int, string) string { return "" }))
	fmt.Println(reflect.FuncOf([]reflect.Type{reflect.TypeOf([]int{})}, nil, true) == reflect.TypeOf(func(...int) {}))
	fmt.Println(reflect.PointerTo(reflect.TypeOf(Point{})) == reflect.TypeOf(&Point{}))

	m := map[[8]string]int{{"a"}: 1}
	a := reflect.New(reflect.ArrayOf(8, str)).Elem()
	a.Index(0).SetString("a")
	fmt.Println(m[a.Interface().([8]string)])
	s := reflect.MakeSlice(reflect.SliceOf(reflect.TypeOf(Point{})), 2, 2).Interface().([]Point)
	fmt.Println(len(s), s)
	f := reflect.MakeFunc(reflect.FuncOf([]reflect.Type{i}, []reflect.Type{i}, false), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(int(in[0].Int()) * 3)}
	}).Interface().(func(int) int)
	fmt.Println(f(14))

	unnamed := reflect.SliceOf(reflect.SliceOf(reflect.SliceOf(reflect.TypeOf(Point{}))))
	fmt.Println(unnamed, unnamed == reflect.SliceOf(reflect.SliceOf(reflect.SliceOf(reflect.TypeOf(Point{})))))
	mm := reflect.MapOf(reflect.TypeOf(Point{}), reflect.TypeOf([]*Point{}))
	v := reflect.MakeMap(mm)
	v.SetMapIndex(reflect.ValueOf(Point{1, 2}), reflect.ValueOf([]*Point{{3, 4}}))
	fmt.Println(mm, v.Len(), v.MapIndex(reflect.ValueOf(Point{1, 2})).Index(0).Elem().Field(1))
	m2, _ := reflect.TypeOf(&Point{}).MethodByName("String")
	fmt.Println(m2.Type == reflect.TypeOf((*Point).String), m2.Type)
}

func (p *Point) String() string { return fmt.Sprint(p.X, p.Y) }
