// run

// Calendar arithmetic: leap years, days in month, day of week by
// Zeller's congruence, day-of-year, and days between dates.
package main

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if leap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func weekday(y, m, d int) string {
	if m < 3 {
		m += 12
		y--
	}
	k, j := y%100, y/100
	h := (d + 13*(m+1)/5 + k + k/4 + j/4 + 5*j) % 7
	const names = "SatSunMonTueWedThuFri"
	return names[h*3 : h*3+3]
}

func dayOfYear(y, m, d int) int {
	n := d
	for i := 1; i < m; i++ {
		n += daysIn(y, i)
	}
	return n
}

func ordinal(y, m, d int) int {
	n := 0
	for i := 1; i < y; i++ {
		n += 365
		if leap(i) {
			n++
		}
	}
	return n + dayOfYear(y, m, d)
}

func main() {
	println(leap(1900), leap(2000), leap(2024), leap(2023))
	println(weekday(1969, 7, 20), weekday(2000, 1, 1), weekday(2009, 11, 10), weekday(2024, 2, 29))
	println(dayOfYear(2024, 12, 31), dayOfYear(2023, 3, 1))
	println(ordinal(2024, 1, 1)-ordinal(1970, 1, 1), ordinal(2012, 3, 28)-ordinal(2009, 11, 10))
	total := 0
	for y := 1901; y <= 2000; y++ {
		for m := 1; m <= 12; m++ {
			if weekday(y, m, 1) == "Sun" {
				total++
			}
		}
	}
	println("Sundays on the first of a month in the 20th century:", total)
}
