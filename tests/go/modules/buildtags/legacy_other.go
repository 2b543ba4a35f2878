// +build !linux

package main

func legacy() string { return "+build !linux" }
