package p

// The elements of a literal of an undefined type are checked for their
// own errors only: a nested literal without type is none.
var x = []foo{{A: 1}, {B: 2}}
var y = map[string]foo{"a": {1}}
var z = []foo{{undefined}}
