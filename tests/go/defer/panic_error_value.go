// run

// A panic with an error value prints the result of its Error method.
package main

type ParseError struct {
	line int
	msg  string
}

func (e *ParseError) Error() string {
	return "parse error: " + e.msg
}

func parse() {
	panic(&ParseError{3, "unexpected token"})
}

func main() {
	defer println("deferred before dying")
	parse()
}
