// run

// What reflect is used for: a hand-written encoder that walks any value
// (struct tags decide names and omission, maps in sorted key order,
// pointers, interfaces, slices, embedded structs), a decoder-like setter
// that fills a struct from a map by tags, and DeepEqual.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

type Address struct {
	Street string `enc:"street"`
	City   string `enc:"city,omitempty"`
}

type Meta struct {
	Version int `enc:"version"`
}

type Person struct {
	Meta
	Name     string            `enc:"name"`
	Age      int               `enc:"age,omitempty"`
	Emails   []string          `enc:"emails"`
	Home     *Address          `enc:"home"`
	Work     *Address          `enc:"work,omitempty"`
	Attrs    map[string]any    `enc:"attrs"`
	Scores   [3]float64        `enc:"scores"`
	Secret   string            `enc:"-"`
	internal int
	Extra    any               `enc:"extra"`
	Flags    map[int]bool      `enc:"flags,omitempty"`
}

func encode(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("null")
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			b.WriteString("null")
			return
		}
		encode(b, v.Elem())
	case reflect.Slice, reflect.Array:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			encode(b, v.Index(i))
		}
		b.WriteByte(']')
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i].Interface()) < fmt.Sprint(keys[j].Interface()) })
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(fmt.Sprint(k.Interface())))
			b.WriteByte(':')
			encode(b, v.MapIndex(k))
		}
		b.WriteByte('}')
	case reflect.Struct:
		b.WriteByte('{')
		first := true
		encodeFields(b, v, &first)
		b.WriteByte('}')
	default:
		b.WriteString("?" + v.Kind().String())
	}
}

func encodeFields(b *strings.Builder, v reflect.Value, first *bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			encodeFields(b, v.Field(i), first)
			continue
		}
		tag := f.Tag.Get("enc")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if opts == "omitempty" && fv.IsZero() {
			continue
		}
		if !*first {
			b.WriteByte(',')
		}
		*first = false
		b.WriteString(strconv.Quote(name) + ":")
		encode(b, fv)
	}
}

func fill(dst any, src map[string]string) {
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("enc"), ",")
		s, ok := src[name]
		if !ok || !v.Field(i).CanSet() {
			continue
		}
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			f.SetString(s)
		case reflect.Int:
			n, _ := strconv.Atoi(s)
			f.SetInt(int64(n))
		case reflect.Slice:
			parts := strings.Split(s, ";")
			f.Set(reflect.MakeSlice(f.Type(), 0, len(parts)))
			for _, p := range parts {
				f.Set(reflect.Append(f, reflect.ValueOf(p)))
			}
		}
	}
}

func main() {
	p := Person{
		Meta:   Meta{Version: 2},
		Name:   "Ada",
		Emails: []string{"ada@example.com", "a@b.c"},
		Home:   &Address{Street: "1 Main"},
		Attrs:  map[string]any{"z": 1.5, "a": []int{1, 2}, "m": map[string]string{"k": "v"}, "n": nil},
		Scores: [3]float64{1, 2.5, -3},
		Secret: "s3cret",
		Extra:  &Address{"x", "y"},
	}
	var b strings.Builder
	encode(&b, reflect.ValueOf(p))
	fmt.Println(b.String())
	b.Reset()
	encode(&b, reflect.ValueOf([]any{1, "two", nil, true, uint8(3), map[int]string{2: "b", 1: "a"}}))
	fmt.Println(b.String())

	var q Person
	fill(&q, map[string]string{"name": "Bob", "age": "41", "emails": "x;y;z", "secret": "no"})
	fmt.Println(q.Name, q.Age, q.Emails, len(q.Emails), q.Secret == "")

	a1 := map[string][]int{"a": {1, 2}}
	a2 := map[string][]int{"a": {1, 2}}
	fmt.Println(reflect.DeepEqual(a1, a2), reflect.DeepEqual(p, p), reflect.DeepEqual(p, q))
	counts := map[reflect.Kind]int{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		counts[v.Kind()]++
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			iter := v.MapRange()
			for iter.Next() {
				walk(iter.Key())
				walk(iter.Value())
			}
		}
	}
	walk(reflect.ValueOf(p))
	var kinds []string
	for k, n := range counts {
		kinds = append(kinds, fmt.Sprintf("%v=%d", k, n))
	}
	sort.Strings(kinds)
	fmt.Println(strings.Join(kinds, " "))
}
