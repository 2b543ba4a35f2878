package main

func main() { panic("cmd/other is not the one run") }
