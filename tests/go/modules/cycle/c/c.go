package c

import "example.com/cycle/a"

var C = len(a.Name)
