// run

// Number theory: gcd and lcm, trial-division factorization, modular
// exponentiation, a Miller-Rabin test with fixed bases, and Euler's totient.
package main

func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// addmod adds x and y (both below m) modulo m without overflowing.
func addmod(x, y, m uint64) uint64 {
	if x >= m-y {
		return x - (m - y)
	}
	return x + y
}

func mulmod(a, b, m uint64) uint64 {
	var r uint64
	a %= m
	for b > 0 {
		if b&1 == 1 {
			r = addmod(r, a, m)
		}
		a = addmod(a, a, m)
		b >>= 1
	}
	return r
}

func powmod(b, e, m uint64) uint64 {
	r := uint64(1)
	b %= m
	for e > 0 {
		if e&1 == 1 {
			r = mulmod(r, b, m)
		}
		b = mulmod(b, b, m)
		e >>= 1
	}
	return r
}

func isPrime(n uint64) bool {
	if n < 2 {
		return false
	}
	for _, p := range "\x02\x03\x05\x07\x0b\x0d\x11\x13\x17\x1d\x1f\x25" {
		if n%uint64(p) == 0 {
			return n == uint64(p)
		}
	}
	d, s := n-1, 0
	for d%2 == 0 {
		d /= 2
		s++
	}
	for _, a := range "\x02\x03\x05\x07\x0b\x0d\x11\x13\x17\x1d\x1f\x25" {
		x := powmod(uint64(a), d, n)
		if x == 1 || x == n-1 {
			continue
		}
		composite := true
		for r := 1; r < s; r++ {
			x = mulmod(x, x, n)
			if x == n-1 {
				composite = false
				break
			}
		}
		if composite {
			return false
		}
	}
	return true
}

func factor(n uint64) string {
	out := ""
	for p := uint64(2); p*p <= n; p++ {
		for n%p == 0 {
			out += " " + utoa(p)
			n /= p
		}
	}
	if n > 1 {
		out += " " + utoa(n)
	}
	return out
}

func utoa(n uint64) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func totient(n uint64) uint64 {
	result := n
	for p := uint64(2); p*p <= n; p++ {
		if n%p == 0 {
			for n%p == 0 {
				n /= p
			}
			result -= result / p
		}
	}
	if n > 1 {
		result -= result / n
	}
	return result
}

func main() {
	println(gcd(1071, 462), gcd(17, 5), 1071/gcd(1071, 462)*462)
	println(powmod(2, 10, 1000), powmod(3, 200, 1000000007))
	count := 0
	for i := uint64(0); i < 10000; i++ {
		if isPrime(i) {
			count++
		}
	}
	println("primes below 10000:", count)
	println(isPrime(1000000007), isPrime(1000000007*3), isPrime(18446744073709551557))
	println("factors of 600851475143:" + factor(600851475143))
	println("factors of 2^32+1:" + factor(4294967297))
	println(totient(36), totient(97), totient(1000000))
}
