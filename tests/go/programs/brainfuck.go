// run

// A Brainfuck interpreter whose tape is a string of bytes rebuilt on each
// write, running a program that prints a greeting and one that computes.
package main

func run(prog string) string {
	tape := "\x00"
	ptr, pc := 0, 0
	out := ""
	set := func(v byte) { tape = tape[:ptr] + string(rune(v)) + tape[ptr+1:] }
	for pc < len(prog) {
		switch prog[pc] {
		case '>':
			ptr++
			if ptr == len(tape) {
				tape += "\x00"
			}
		case '<':
			ptr--
		case '+':
			set(tape[ptr] + 1)
		case '-':
			set(tape[ptr] - 1)
		case '.':
			out += string(rune(tape[ptr]))
		case '[':
			if tape[ptr] == 0 {
				depth := 1
				for depth > 0 {
					pc++
					if prog[pc] == '[' {
						depth++
					} else if prog[pc] == ']' {
						depth--
					}
				}
			}
		case ']':
			if tape[ptr] != 0 {
				depth := 1
				for depth > 0 {
					pc--
					if prog[pc] == ']' {
						depth++
					} else if prog[pc] == '[' {
						depth--
					}
				}
			}
		}
		pc++
	}
	return out
}

func main() {
	hello := "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+."
	print(run(hello))
	// Prints the digits 0-9: cell 1 holds '0', cell 0 counts to ten.
	digits := "++++++++[>++++++<-]++++++++++[>.+<-]"
	println(run(digits))
}
