package a

import (
	"example.com/initorder/d"
	"example.com/initorder/trace"
)

var A = trace.Add("a.A") + d.D*0

func init() { trace.Add("a.init") }
