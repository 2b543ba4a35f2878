package examples

func Hello(name string) string { return "hello, " + name }
