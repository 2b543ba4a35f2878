//go:build !extra

package main

func mode() string { return "plain" }
