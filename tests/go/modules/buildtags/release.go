//go:build go1.21 && !go1.99

package main

func release() string { return "go1.21+" }
