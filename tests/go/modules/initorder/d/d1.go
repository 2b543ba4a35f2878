package d

import "example.com/initorder/trace"

var E = F + trace.Add("d.E")

var F = trace.Add("d.F")

func init() { trace.Add("d.init in d1.go") }
