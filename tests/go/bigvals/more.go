// run

// Large values in less common places: type switches, nested arrays of
// large structs, variadic arguments, closures returning them, named
// array conversions, struct comparison through interfaces, method values.
package main

import "fmt"

type Row [66]int32

type Big struct {
	id   int
	rows [3]Row
	tag  interface{}
}

type Table [4]Big

func (b Big) ID() int    { return b.id }
func (b *Big) Bump()     { b.id++ }
func (r Row) Sum() int32 { var t int32; for _, v := range r { t += v }; return t }

func variadic(bs ...Big) int {
	t := 0
	for _, b := range bs {
		t += b.id
	}
	return t
}

func classify(x interface{}) string {
	switch v := x.(type) {
	case Row:
		return fmt.Sprint("row ", v[65])
	case Big:
		return fmt.Sprint("big ", v.id, " ", v.rows[2][1])
	case *Big:
		return fmt.Sprint("*big ", v.id)
	}
	return "other"
}

func maker(n int) func() Big {
	return func() Big {
		var b Big
		b.id = n
		b.rows[1][64] = int32(n * 2)
		return b
	}
}

func main() {
	var t Table
	for i := range t {
		t[i].id = i * 10
		t[i].rows[i%3][i] = int32(i)
		t[i].tag = i
	}
	u := t
	u[2].rows[2][2] = 99
	j := 2
	fmt.Println(t[j].rows[j][j], u[j].rows[j][j], t[j].ID(), u[j].rows[j%3].Sum())
	t[j].Bump()
	fmt.Println(t[j].id, u[j].id, t == u, t[1] == u[1], t[2] == u[2])
	fmt.Println(variadic(t[0], t[1], t[2], t[3]), variadic(t[:]...))

	var r Row
	r[65] = 65
	fmt.Println(classify(r), classify(t[3]), classify(&t[3]), classify(5))

	f := maker(21)
	b := f()
	fmt.Println(b.id, b.rows[1][64], f().rows[1][64])

	type Alias Row
	a := Alias(r)
	a[0] = 1
	back := Row(a)
	fmt.Println(back[0], r[0], back.Sum())

	var e1, e2 interface{} = t[1], u[1]
	fmt.Println(e1 == e2)
	u[1].tag = "x"
	e2 = u[1]
	fmt.Println(e1 == e2)

	m := b.ID
	b.id = 1000
	fmt.Println(m(), b.ID())
	g := Big.ID
	fmt.Println(g(b))

	ptrs := []*Big{&t[0], &t[1]}
	*ptrs[0] = *ptrs[1]
	fmt.Println(t[0].id, t[0].tag)

	var arrOfArr [3][50]string
	arrOfArr[j][49] = "deep"
	cp := arrOfArr[j]
	cp[49] = "changed"
	fmt.Println(arrOfArr[2][49], cp[49])
	fmt.Printf("%v %d\n", t[3].rows[0][:4], len(t[3].rows))
}
