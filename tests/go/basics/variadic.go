// run

// Variadic parameters: no arguments, several, with fixed parameters
// before them, len of the variadic parameter.
package main

func sum(nums ...int) int {
	total := 0
	for i := 0; i < len(nums); i++ {
		total += nums[i]
	}
	return total
}

func join(sep string, parts ...string) string {
	out := ""
	for i := 0; i < len(parts); i++ {
		if i > 0 {
			out += sep
		}
		out += parts[i]
	}
	return out
}

func count(xs ...float64) int { return len(xs) }

func main() {
	println(sum())
	println(sum(1))
	println(sum(1, 2, 3, 4, 5))
	println(join(", "))
	println(join("-", "a"))
	println(join("/", "usr", "local", "bin"))
	println(count(), count(1, 2.5))
	f := sum
	println(f(10, 20))
}
