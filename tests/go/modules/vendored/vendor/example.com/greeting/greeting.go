// Package greeting is a third-party module, vendored.
package greeting

import "example.com/greeting/loud"

const Version = "v1.1.0"

func Hello(name string) string { return loud.Up("hello, ") + name }
