//go:build !linux

// Excluded on linux by its build line.

package time

func NotOnLinux() {}

type Location struct{}
