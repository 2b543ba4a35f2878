// run

// Loops whose index operations codegen may translate without a bounds
// check (the condition proves the index in range) next to loops that only
// look like them: each of the latter must still panic with gc's message.

package main

import "fmt"

func try(name string, f func() int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	fmt.Println(name, f())
}

var global = []int{1, 2, 3, 4}

func negative() int { return -1 }

func main() {
	s := []int{1, 2, 3, 4}
	var arr [4]int
	str := "abcd"

	// Proven: the sums are right.
	try("three-clause", func() int {
		t := 0
		for i := 0; i < len(s); i++ {
			t += s[i]
		}
		return t
	})
	try("range", func() int {
		t := 0
		for i, v := range s {
			t += v * s[i]
		}
		return t
	})
	try("range-array", func() int {
		for i := range arr {
			arr[i] = i * 10
		}
		t := 0
		for i := 0; i < len(arr); i++ {
			t += arr[i]
		}
		return t
	})
	try("copies", func() int {
		u := s
		w := u
		t := 0
		for i := 0; i < len(w); i++ {
			t += s[i] + u[i]
		}
		return t
	})
	try("string", func() int {
		t := 0
		n := len(str)
		for i := 0; i < n; i++ {
			t += int(str[i])
		}
		return t
	})
	try("nested", func() int {
		m := [][]int{{1, 2}, {3}, {4, 5, 6}}
		t := 0
		for i := range m {
			for j := 0; j < len(m[i]); j++ {
				t += m[i][j]
			}
		}
		return t
	})

	// Not proven: each must panic (or not) exactly as under gc.
	try("slice-shrunk", func() int {
		s := []int{1, 2, 3, 4}
		n := len(s)
		t := 0
		for i := 0; i < n; i++ {
			s = s[:2]
			t += s[i]
		}
		return t
	})
	try("index-bumped", func() int {
		s := []int{1, 2, 3}
		t := 0
		for i := 0; i < len(s); i++ {
			i++
			t += s[i]
		}
		return t
	})
	try("negative-start", func() int {
		t := 0
		for i := -1; i < len(s); i++ {
			t += s[i]
		}
		return t
	})
	try("variable-start", func() int {
		t := 0
		for i := negative(); i < len(s); i++ {
			t += s[i]
		}
		return t
	})
	try("copy-bumped", func() int {
		t := 0
		for i := range s {
			k := i
			k++
			t += s[k]
		}
		return t
	})
	try("range-reassigned", func() int {
		s := []int{1, 2, 3}
		t := 0
		for i := range s {
			s = s[:1]
			t += s[i]
		}
		return t
	})
	try("array-short", func() int {
		var a [4]int
		t := 0
		for i := 0; i < 5; i++ {
			t += a[i]
		}
		return t
	})
	try("array-pointer-short", func() int {
		p := &[3]int{7, 8, 9}
		t := 0
		for i := 0; i < 4; i++ {
			t += p[i]
		}
		return t
	})
	try("string-shrunk", func() int {
		str := "abcd"
		t := 0
		for i := 0; i < len(str); i++ {
			str = str[1:]
			t += int(str[i])
		}
		return t
	})
	try("bound-changed", func() int {
		s := []int{1, 2, 3}
		n := len(s)
		n++
		t := 0
		for i := 0; i < n; i++ {
			t += s[i]
		}
		return t
	})
	try("slice-changed-after-len", func() int {
		s := []int{1, 2, 3}
		n := len(s)
		s = s[:1]
		t := 0
		for i := 0; i < n; i++ {
			t += s[i]
		}
		return t
	})
	try("copy-then-cleared", func() int {
		s := []int{1, 2, 3}
		u := s
		s = nil
		t := 0
		for i := 0; i < len(u); i++ {
			t += s[i]
		}
		return t
	})
	try("captured-index", func() int {
		t := 0
		for i := 0; i < len(s); i++ {
			bump := func() { i += 2 }
			bump()
			t += s[i]
		}
		return t
	})
	try("global-slice", func() int {
		t := 0
		for i := 0; i < len(global); i++ {
			global = global[:2]
			t += global[i]
		}
		return t
	})
	try("goto-back", func() int {
		t := 0
		i := 0
		again := true
	loop:
		for ; i < len(s); i++ {
			t += s[i]
		}
		if again {
			again = false
			i = -2
			goto loop
		}
		return t
	})
	try("small-index-type", func() int {
		t := 0
		for i := int8(0); i < int8(len(s)); i++ {
			t += s[i+1]
		}
		return t
	})
}
