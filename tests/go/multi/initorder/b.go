package main

var B = trace("B", C*2)

func trace(name string, v int) int {
	println("initializing", name)
	return v
}

func init() {
	println("init in b.go")
}
