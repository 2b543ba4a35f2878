//go:build unix

package platform

const Unix = true

func Kind() string { return "unix" }
