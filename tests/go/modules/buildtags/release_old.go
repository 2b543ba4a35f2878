//go:build !go1.21

package main

func release() string { return "old" }
