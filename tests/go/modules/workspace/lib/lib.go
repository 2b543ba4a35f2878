package lib

import "example.com/util/text"

func Greeting(who string) string { return text.Join("hi", who) }
