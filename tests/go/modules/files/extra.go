package main

func helper() string { return "extra.go is not part of the program" }
