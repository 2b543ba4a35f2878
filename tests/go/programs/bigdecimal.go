// run

// Arbitrary-precision decimal arithmetic on digit strings: addition and
// multiplication by a small number, giving 100!, 2^200 and Fibonacci(300).
package main

func add(a, b string) string {
	out := ""
	carry := 0
	for i, j := len(a)-1, len(b)-1; i >= 0 || j >= 0 || carry > 0; i, j = i-1, j-1 {
		s := carry
		if i >= 0 {
			s += int(a[i] - '0')
		}
		if j >= 0 {
			s += int(b[j] - '0')
		}
		out = string(rune('0'+s%10)) + out
		carry = s / 10
	}
	return out
}

func mulSmall(a string, m int) string {
	out := ""
	carry := 0
	for i := len(a) - 1; i >= 0 || carry > 0; i-- {
		p := carry
		if i >= 0 {
			p += int(a[i]-'0') * m
		}
		out = string(rune('0'+p%10)) + out
		carry = p / 10
	}
	for len(out) > 1 && out[0] == '0' {
		out = out[1:]
	}
	return out
}

func digitSum(s string) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += int(s[i] - '0')
	}
	return t
}

func main() {
	f := "1"
	for i := 2; i <= 100; i++ {
		f = mulSmall(f, i)
	}
	println("100! =", f)
	println("digits", len(f), "digit sum", digitSum(f))
	p := "1"
	for i := 0; i < 200; i++ {
		p = add(p, p)
	}
	println("2^200 =", p)
	a, b := "0", "1"
	for i := 0; i < 300; i++ {
		a, b = b, add(a, b)
	}
	println("fib(300) =", a)
}
