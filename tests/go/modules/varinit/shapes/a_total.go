package shapes

import "example.com/varinit/registry"

// Total needs every shape: it is initialized last although declared first.
var Total = registry.Note("Total") + square.sides() + triangle.sides() + count()

var first = registry.Note("first")
