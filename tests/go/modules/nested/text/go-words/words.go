// Package words lives in directory go-words.
package words

// List is a list of words.
type List []string

// Split splits at spaces.
func Split(s string) List {
	var l List
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				l = append(l, s[start:i])
			}
			start = i + 1
		}
	}
	return l
}

func (l List) Len() int { return len(l) }
