// errorcheck

// Cycles of declarations: aliases are part of the path since Go 1.23,
// a cycle of one is "refers to itself".
package main

type A B
type B = C
type C A

type S1 S2
type S2 S1

type Arr [2]Arr

var x = y
var y = x

var v = v

const c1 = c2
const c2 = c1

func main() {}
