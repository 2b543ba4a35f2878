// run

// strconv: integer formatting in every base, parsing with signs,
// prefixes, underscores, overflow and bad arguments (the NumError text
// and fields), booleans, and quoting.
package main

import (
	"errors"
	"strconv"
)

func show(v int64, err error) {
	if err == nil {
		println(v, "ok")
		return
	}
	e := err.(*strconv.NumError)
	println(v, err.Error(), "|", e.Func, e.Num, errors.Is(err, strconv.ErrRange), errors.Is(err, strconv.ErrSyntax), errors.Unwrap(err) == e.Err)
}

func showU(v uint64, err error) {
	if err != nil {
		println(v, err.Error())
		return
	}
	println(v, "ok")
}

func main() {
	for _, i := range []int64{0, 1, -1, 7, -8, 255, 1000000, -9223372036854775808, 9223372036854775807} {
		for _, base := range []int{2, 8, 10, 16, 36} {
			print(strconv.FormatInt(i, base), " ")
		}
		println(strconv.Itoa(int(i)))
	}
	println(strconv.FormatUint(18446744073709551615, 10), strconv.FormatUint(18446744073709551615, 16), strconv.FormatUint(0, 2))

	inputs := []string{"", "0", "42", "-42", "+42", "-", "+", "12a", " 1", "1 ", "007", "0x1F", "0X1f", "0b101", "0o17", "0O17",
		"017", "0x", "0b", "0_1", "1_000", "0x_1F", "0x1__F", "_1", "1_", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
		"99999999999999999999999", "-99999999999999999999", "zz", "ZZ", "127", "128", "-128", "-129", "255", "256", "1e3", "٣"}
	for _, s := range inputs {
		println("input", strconv.Quote(s))
		n, err := strconv.Atoi(s)
		show(int64(n), err)
		show(strconv.ParseInt(s, 0, 64))
		show(strconv.ParseInt(s, 10, 8))
		show(strconv.ParseInt(s, 16, 0))
		show(strconv.ParseInt(s, 36, 32))
		showU(strconv.ParseUint(s, 0, 0))
		showU(strconv.ParseUint(s, 10, 8))
	}
	show(strconv.ParseInt("10", 1, 0))
	show(strconv.ParseInt("10", 37, 0))
	show(strconv.ParseInt("-10", 10, 65))
	show(strconv.ParseInt("10", 10, -1))
	showU(strconv.ParseUint("10", 40, 0))
	show(strconv.ParseInt("1", 2, 1))
	show(strconv.ParseInt("-1", 2, 1))
	show(strconv.ParseInt("-10", 2, 1))

	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "tRUE", "yes", ""} {
		v, err := strconv.ParseBool(s)
		if err != nil {
			println(v, err.Error())
		} else {
			println(v, strconv.FormatBool(v))
		}
	}

	for _, s := range []string{"", "hello", "a\"b'c\\d", "\a\b\f\n\r\t\v\x00\x1f\x7f", "héllo 世界 😀", "\xff\xfe", "\u00a0\u2028\ufeff\u200b",
		"\U0010ffff", "\ufffd", "\xe2\x82", "tab\there"} {
		println(strconv.Quote(s), strconv.QuoteToASCII(s))
	}
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 'é', '世', 0x1f600, 0xa0, 0xd800, -1, 0x110000, 0xfffd, 0x10ffff} {
		println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r))
	}
	b := strconv.AppendInt(nil, -12, 10)
	b = strconv.AppendUint(b, 255, 16)
	b = strconv.AppendBool(b, true)
	b = strconv.AppendQuote(b, "q")
	b = strconv.AppendQuoteRune(b, 'r')
	println(string(b), len(b), cap(b))
	println(strconv.IntSize)

	ne := &strconv.NumError{Func: "ParseFloat", Num: "x\ty", Err: errors.New("custom")}
	println(ne.Error())
}
