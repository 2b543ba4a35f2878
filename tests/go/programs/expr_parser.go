// run

// A recursive-descent parser and evaluator for integer arithmetic with
// precedence, unary minus and parentheses; the position is shared by
// closures. Syntax errors unwind with panic and are recovered.
package main

func eval(src string) (val int, msg string) {
	pos := 0
	defer func() {
		if r := recover(); r != nil {
			msg = r.(string)
		}
	}()
	peek := func() byte {
		for pos < len(src) && src[pos] == ' ' {
			pos++
		}
		if pos < len(src) {
			return src[pos]
		}
		return 0
	}
	var expr func() int
	primary := func() int {
		c := peek()
		switch {
		case c == '(':
			pos++
			v := expr()
			if peek() != ')' {
				panic("expected )")
			}
			pos++
			return v
		case c == '-':
			pos++
			return -expr()
		case c >= '0' && c <= '9':
			v := 0
			for pos < len(src) && src[pos] >= '0' && src[pos] <= '9' {
				v = v*10 + int(src[pos]-'0')
				pos++
			}
			return v
		}
		panic("unexpected " + string(rune(c)))
	}
	term := func() int {
		v := primary()
		for {
			switch peek() {
			case '*':
				pos++
				v *= primary()
			case '/':
				pos++
				d := primary()
				if d == 0 {
					panic("division by zero")
				}
				v /= d
			case '%':
				pos++
				v %= primary()
			default:
				return v
			}
		}
	}
	expr = func() int {
		v := term()
		for {
			switch peek() {
			case '+':
				pos++
				v += term()
			case '-':
				pos++
				v -= term()
			default:
				return v
			}
		}
	}
	val = expr()
	if peek() != 0 {
		panic("trailing input")
	}
	return val, "ok"
}

func main() {
	println(eval("1 + 2 * 3"))
	println(eval("(1 + 2) * 3"))
	println(eval("100 / 7 % 4 - -3"))
	println(eval("2 * (3 + 4) * (5 - 1)"))
	println(eval("((((42))))"))
	println(eval("1 / (2 - 2)"))
	println(eval("(1 + 2"))
	println(eval("3 + * 4"))
	println(eval("12 34"))
}
