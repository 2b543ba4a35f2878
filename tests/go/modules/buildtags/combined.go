//go:build (linux || darwin) && (amd64 || arm64) && !purego

package main

func combined() bool { return true }
