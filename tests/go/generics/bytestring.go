// run

// Type parameters whose type set holds strings and byte slices: indexing,
// slicing (the result keeps the type parameter's type), len, conversions
// to string and ranging, instantiated with both.
package main

import "fmt"

type bs interface{ ~string | ~[]byte }

func halves[T bs](s T) (T, T) {
	n := len(s) / 2
	return s[:n], s[n:]
}

func hasPrefix[T string | []byte](s, prefix T) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == string(prefix)
}

func sumBytes[T bs](s T) (sum int) {
	for i := 0; i < len(s); i++ {
		sum += int(s[i])
	}
	return sum
}

type name string

func main() {
	a, b := halves("abcdef")
	fmt.Printf("%q %q %T\n", a, b, a)
	x, y := halves([]byte("xyz"))
	fmt.Printf("%q %q %T\n", x, y, x)
	n1, n2 := halves(name("gopher"))
	fmt.Printf("%q %q %T\n", n1, n2, n1)
	fmt.Println(hasPrefix("golang", "go"), hasPrefix([]byte("golang"), []byte("lang")))
	fmt.Println(sumBytes("AB"), sumBytes([]byte{1, 2, 3}), sumBytes(name("")))
	fmt.Println(string(x[1:]) + string(y[:0]))
}
