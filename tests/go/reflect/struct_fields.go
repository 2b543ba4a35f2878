// run

// Struct types through reflect: fields with their tags (Get, Lookup),
// offsets, indices, embedding, exported-ness and package paths, and
// FieldByName's search through embedded structs (depth, ambiguity).
package main

import (
	"fmt"
	"reflect"
)

type Base struct {
	ID   int    `json:"id" db:"base_id"`
	Note string `json:"note,omitempty"`
}

type Inner struct {
	Deep  bool
	Shade string
}

type Middle struct {
	Inner
	Level int
}

type User struct {
	Base
	*Middle
	Name    string `json:"name" xml:"n"`
	Email   string `json:"-"`
	age     int
	Tags    []string `json:"tags" quoted:"a \"b\" c"`
	private struct{ x int }
}

type A struct{ Dup int }
type B struct{ Dup int }
type Both struct {
	A
	B
	Own string
}

func main() {
	t := reflect.TypeOf(User{})
	fmt.Println(t, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%d %-8s %-22v off=%-3d idx=%v anon=%-5v exported=%-5v pkg=%q tag=%q json=%q\n",
			i, f.Name, f.Type, f.Offset, f.Index, f.Anonymous, f.IsExported(), f.PkgPath, f.Tag, f.Tag.Get("json"))
	}
	for _, name := range []string{"Name", "ID", "Note", "Level", "Deep", "Shade", "Inner", "age", "Missing", "Base"} {
		f, ok := t.FieldByName(name)
		fmt.Println(name, ok, f.Name, f.Index, f.Type)
	}
	f, _ := t.FieldByName("Tags")
	for _, key := range []string{"json", "quoted", "xml", ""} {
		v, ok := f.Tag.Lookup(key)
		fmt.Printf("%q %q %v\n", key, v, ok)
	}
	tags := []reflect.StructTag{`a:"1" b:"2"`, `a:"x\ty"`, `bad`, `a:"unterminated`, ` c:"3"  d:"4" `, `a:"\u00e9"`}
	for _, tag := range tags {
		v, ok := tag.Lookup("a")
		fmt.Printf("%q -> %q %v | c=%q d=%q\n", string(tag), v, ok, tag.Get("c"), tag.Get("d"))
	}

	b := reflect.TypeOf(Both{})
	_, ok := b.FieldByName("Dup")
	fmt.Println("Dup found:", ok)
	own, ok := b.FieldByName("Own")
	fmt.Println(own.Name, own.Index, ok)
	fi := t.FieldByIndex([]int{1, 0, 1})
	fmt.Println(fi.Name, fi.Type, fi.Index)
	match, ok := t.FieldByNameFunc(func(s string) bool { return len(s) == 5 && s[0] == 'E' })
	fmt.Println(match.Name, ok)

	anon := reflect.TypeOf(struct {
		X int `k:"v"`
		y string
	}{})
	fmt.Println(anon, anon.Name(), anon.Field(0).Tag.Get("k"), anon.Field(1).PkgPath, anon.Field(1).IsExported())
	fmt.Println(reflect.TypeOf(struct{}{}).NumField(), reflect.TypeOf(struct{}{}).Size())
}
