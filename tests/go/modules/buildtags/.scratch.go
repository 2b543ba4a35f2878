package main

func osName() string { return "scratch" }
