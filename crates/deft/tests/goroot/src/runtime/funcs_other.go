//go:build !linux

// Excluded on linux by its build line.

package runtime

func NotOnLinux() {}
