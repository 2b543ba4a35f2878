// run

// Roman numerals both ways, checked by a round trip over 1..3999.
package main

func toRoman(n int) string {
	out := ""
	emit := func(v int, sym string) {
		for n >= v {
			out += sym
			n -= v
		}
	}
	emit(1000, "M")
	emit(900, "CM")
	emit(500, "D")
	emit(400, "CD")
	emit(100, "C")
	emit(90, "XC")
	emit(50, "L")
	emit(40, "XL")
	emit(10, "X")
	emit(9, "IX")
	emit(5, "V")
	emit(4, "IV")
	emit(1, "I")
	return out
}

func value(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

func fromRoman(s string) int {
	total := 0
	for i := 0; i < len(s); i++ {
		v := value(s[i])
		if i+1 < len(s) && value(s[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

func main() {
	bad := 0
	for i := 1; i < 4000; i++ {
		if fromRoman(toRoman(i)) != i {
			bad++
		}
	}
	println("round-trip failures:", bad)
	println(toRoman(1994), toRoman(2024), toRoman(3888), toRoman(4))
	println(fromRoman("MCMXCIV"), fromRoman("XLII"), fromRoman("MMMCMXCIX"))
}
