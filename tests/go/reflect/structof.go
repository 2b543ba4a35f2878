// run

// reflect.StructOf: layouts, names with tags, embedded fields, identity
// with the program's own struct types, values of made types (set, read,
// compared, used as map keys, printed), and StructOf's panics.
package main

import (
	"fmt"
	"reflect"
)

type Inner struct{ N int }

func main() {
	i8 := reflect.TypeOf(int8(0))
	i64 := reflect.TypeOf(int64(0))
	str := reflect.TypeOf("")
	t := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: i8, Tag: `json:"a"`},
		{Name: "B", Type: i64},
		{Name: "C", Type: i8},
		{Name: "S", Type: str, Tag: "x:\"q\\\"\" tab\t"},
	})
	fmt.Println(t, t.Size(), t.Align(), t.NumField(), t.Kind(), t.Name() == "")
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(f.Name, f.Type, f.Offset, f.Tag.Get("json"), f.Index)
	}
	v := reflect.New(t).Elem()
	v.Field(0).SetInt(-3)
	v.FieldByName("B").SetInt(1 << 40)
	v.Field(3).SetString("s")
	fmt.Printf("%v %+v\n", v, v.Interface())

	same := reflect.StructOf([]reflect.StructField{{Name: "X", Type: reflect.TypeOf(0)}, {Name: "Y", Type: str}})
	fmt.Println(same == reflect.TypeOf(struct {
		X int
		Y string
	}{}), same == reflect.StructOf([]reflect.StructField{{Name: "X", Type: reflect.TypeOf(0)}, {Name: "Y", Type: str}}))
	x := reflect.New(same).Elem()
	x.Field(0).SetInt(7)
	got := x.Interface().(struct {
		X int
		Y string
	})
	fmt.Println(got.X, got)

	emb := reflect.StructOf([]reflect.StructField{{Name: "Inner", Type: reflect.TypeOf(Inner{}), Anonymous: true}, {Name: "Z", Type: reflect.TypeOf(false)}})
	fmt.Println(emb, emb.Field(0).Anonymous, emb.Size())
	ev := reflect.New(emb).Elem()
	ev.FieldByName("N").SetInt(5)
	fmt.Println(ev.Field(0).Field(0).Int(), ev.FieldByName("N"))

	m := reflect.MakeMap(reflect.MapOf(same, reflect.TypeOf(0)))
	m.SetMapIndex(x, reflect.ValueOf(1))
	k2 := reflect.New(same).Elem()
	k2.Field(0).SetInt(7)
	fmt.Println(m.Len(), m.MapIndex(k2), x.Interface() == k2.Interface())
	zero := reflect.StructOf(nil)
	fmt.Println(zero, zero.Size())
	pad := reflect.StructOf([]reflect.StructField{{Name: "A", Type: i64}, {Name: "E", Type: reflect.TypeOf(struct{}{})}})
	fmt.Println(pad, pad.Size())
	private := reflect.StructOf([]reflect.StructField{{Name: "p", PkgPath: "main", Type: i8}, {Name: "Q", Type: i8}})
	fmt.Println(private, private.Field(0).PkgPath, private.Field(0).IsExported(), private.Field(1).IsExported())

	for _, fields := range [][]reflect.StructField{
		{{Name: "", Type: i8}},
		{{Name: "1x", Type: i8}},
		{{Name: "A"}},
		{{Name: "A", Type: i8}, {Name: "A", Type: str}},
		{{Name: "low", Type: i8}},
		{{Name: "Inner", Type: reflect.TypeOf(Inner{}), Anonymous: true, PkgPath: "main"}},
	} {
		func() {
			defer func() { fmt.Println(recover()) }()
			reflect.StructOf(fields)
		}()
	}
}
