// Package tm has internal and external tests and a TestMain.
package tm

var setup string

func Greeting() string { return "hello, " + setup }

func internalOnly() int { return 42 }
