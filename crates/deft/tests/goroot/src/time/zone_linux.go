//go:build linux && amd64

package time

type Location struct{ name string }

var ZoneSources = []string{}
