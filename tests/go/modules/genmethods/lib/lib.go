package lib

import "fmt"

type Bag[E any] struct{ Items []E }

func (b *Bag[E]) Add(e E) { b.Items = append(b.Items, e) }

func (b Bag[E]) MapTo[F any](f func(E) F) Bag[F] {
	var out Bag[F]
	for _, e := range b.Items {
		out.Add(f(e))
	}
	return out
}

func (b Bag[E]) Join[S ~[]E](more ...S) Bag[E] {
	for _, m := range more {
		b.Items = append(b.Items, m...)
	}
	return b
}

type Printer struct{ Prefix string }

func (p Printer) Print[T fmt.Stringer](xs ...T) {
	for _, x := range xs {
		fmt.Println(p.Prefix, x.String())
	}
}

func Apply[E, F any](b Bag[E], f func(E) F) Bag[F] { return b.MapTo(f) }
