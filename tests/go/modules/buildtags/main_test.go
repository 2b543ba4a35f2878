package main

func osName() string { return "test" }
