//go:build !unix

package platform

const Unix = false

func Kind() string { return "other" }
