// errorcheck

// break and continue outside of a loop, and an undefined label.
package main

func main() {
	break
	for {
		continue nowhere
	}
}
