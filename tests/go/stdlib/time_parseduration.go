// run

// time.ParseDuration: units (both spellings of µ), signs, fractions, "0",
// and every error: no unit, unknown unit (non-ASCII bytes quoted as \x),
// overflow of the whole part, the fraction and the sum, and the bounds of
// Duration; flag's duration flags read durations this way.

package main

import (
	"fmt"
	"time"
)

func main() {
	for _, s := range []string{
		"0", "+0", "-0", "5s", "30s", "1478s", "-5s", "+5s", "-0s", "5.0s", "5.6s", "5.s", ".5s",
		"1.0s", "1.00s", "1.004s", "1.0040s", "100.00100s", "10ns", "11us", "12µs", "12μs", "13ms",
		"14s", "15m", "16h", "3h30m", "10.5s4m", "-2m3.4s", "1h2m3s4ms5us6ns", "39h9m14.425s",
		"52763797000ns", "0.3333333333333333333h", "9007199254740993ns", "9223372036854775807ns",
		"9223372036854775.807us", "9223372036854s775ms807us", "-9223372036854775808ns",
		"-9223372036854775.808us", "-2562047h47m16.854775808s", "0.100000000000000000000h",
		"0.830103483285477580700h", "",
		"3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\x85\x85", "\xffff", "hello \xffff world",
		"\uFFFD", "\uFFFD hello \uFFFD world", "..ms", "3000000h", "9223372036854775808ns",
		"9223372036854775.808us", "9223372036854ms775us808ns", "-9223372036854775809ns",
		"1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h1h",
		"2562048h", "3µ", "9223372036854775808", "18446744073709551616ns",
	} {
		d, err := time.ParseDuration(s)
		fmt.Printf("%q: %v %d %v\n", s, d, int64(d), err)
	}
}
