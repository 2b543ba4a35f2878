package text

func Join(a, b string) string { return a + ", " + b }

func Title(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-32) + s[1:]
}
