package b

import "example.com/initorder/trace"

var B = trace.Add("b.B")

func init() { trace.Add("b.init#1") }

func init() { trace.Add("b.init#2") }
