// run

// A tiny stack-machine interpreter. The program is a string of
// space-separated tokens; the stack is a closure-managed string of
// fixed-width cells, since the foundation has no arrays.
package main

const width = 12

func newStack() (push func(int), pop func() int, depth func() int) {
	cells := ""
	push = func(v int) {
		s := ""
		neg := v < 0
		if neg {
			v = -v
		}
		for i := 0; i < width-1; i++ {
			s = string(rune('0'+v%10)) + s
			v /= 10
		}
		if neg {
			s = "-" + s
		} else {
			s = "+" + s
		}
		cells += s
	}
	pop = func() int {
		if len(cells) == 0 {
			panic("stack underflow")
		}
		cell := cells[len(cells)-width:]
		cells = cells[:len(cells)-width]
		v := 0
		for i := 1; i < width; i++ {
			v = v*10 + int(cell[i]-'0')
		}
		if cell[0] == '-' {
			v = -v
		}
		return v
	}
	depth = func() int { return len(cells) / width }
	return
}

func run(prog string) (result int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(string)
		}
	}()
	push, pop, depth := newStack()
	i := 0
	for i < len(prog) {
		for i < len(prog) && prog[i] == ' ' {
			i++
		}
		j := i
		for j < len(prog) && prog[j] != ' ' {
			j++
		}
		tok := prog[i:j]
		i = j
		switch tok {
		case "":
		case "+":
			b, a := pop(), pop()
			push(a + b)
		case "-":
			b, a := pop(), pop()
			push(a - b)
		case "*":
			b, a := pop(), pop()
			push(a * b)
		case "/":
			b, a := pop(), pop()
			push(a / b)
		case "dup":
			a := pop()
			push(a)
			push(a)
		case "swap":
			b, a := pop(), pop()
			push(b)
			push(a)
		default:
			n := 0
			neg := false
			for k := 0; k < len(tok); k++ {
				if k == 0 && tok[k] == '-' && len(tok) > 1 {
					neg = true
					continue
				}
				if tok[k] < '0' || tok[k] > '9' {
					panic("bad token " + tok)
				}
				n = n*10 + int(tok[k]-'0')
			}
			if neg {
				n = -n
			}
			push(n)
		}
	}
	if depth() != 1 {
		return 0, "unbalanced program"
	}
	return pop(), ""
}

func main() {
	progs := "1 2 +|3 4 * 5 -|2 dup * dup *|10 3 swap -|1 +|7 0 /|1 2 3|-5 -6 *|2 x +"
	start := 0
	for i := 0; i <= len(progs); i++ {
		if i == len(progs) || progs[i] == '|' {
			p := progs[start:i]
			start = i + 1
			v, err := func() (v int, err string) {
				defer func() {
					if r := recover(); r != nil {
						err = "runtime error"
					}
				}()
				return run(p)
			}()
			println("["+p+"]", v, err)
		}
	}
}
