package c

import "example.com/initorder/trace"

var C = trace.Add("c.C")
