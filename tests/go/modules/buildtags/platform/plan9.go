//go:build plan9

package platform

func Kind() string { return "plan9" }
