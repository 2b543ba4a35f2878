package d

import "example.com/initorder/trace"

// D depends on E, which d1.go declares; d1.go comes first by name.
var D = E + trace.Add("d.D")

func init() { trace.Add("d.init in d2.go") }
