package shapes

import "example.com/varinit/registry"

var square = shape{"square", 4 + registry.Note("square")*0}

type shape struct {
	name string
	n    int
}

func (s shape) sides() int { return s.n }
