package units

// Meters is a length.
type Meters float64

const Pi = 3.14159

func (m Meters) String() string { return fmtFloat(float64(m)) + "m" }

func fmtFloat(f float64) string {
	n := int(f * 10)
	return itoa(n/10) + "." + itoa(n%10)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + itoa(n%10)
}
