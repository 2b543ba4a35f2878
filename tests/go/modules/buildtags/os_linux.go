package main

func osName() string { return "linux" }
