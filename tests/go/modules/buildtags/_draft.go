package main

func osName() string { return "draft" }
