package p

// `T.m` where a type is wanted is a method expression first: a missing
// method is the error.
type T struct{ f int }

var x T.foo
var y T.f

type I interface{ m(I.n) }
