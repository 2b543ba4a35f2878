// errorcheck

// gc 1.27's syntax errors name the token found: a name, a keyword.
package main

func main() {
	if true {
	}
	else {
	}
}
