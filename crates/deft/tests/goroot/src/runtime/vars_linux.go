//go:build linux && amd64

package runtime

var ZoneSources = []string{}
