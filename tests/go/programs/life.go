// run

// Conway's Game of Life on a small torus stored as a string, with a
// glider and a blinker, printed for several generations.
package main

const w, h = 12, 8

func at(g string, x, y int) bool {
	x = (x + w) % w
	y = (y + h) % h
	return g[y*w+x] == '#'
}

func step(g string) string {
	out := ""
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if (dx != 0 || dy != 0) && at(g, x+dx, y+dy) {
						n++
					}
				}
			}
			if n == 3 || n == 2 && at(g, x, y) {
				out += "#"
			} else {
				out += "."
			}
		}
	}
	return out
}

func show(g string) {
	for y := 0; y < h; y++ {
		println(g[y*w : y*w+w])
	}
	println()
}

func main() {
	g := ".#.........." +
		"..#........." +
		"###......#.." +
		".........#.." +
		".........#.." +
		"............" +
		"............" +
		"............"
	for i := 0; i < 4; i++ {
		show(g)
		g = step(g)
	}
	for i := 0; i < 40; i++ {
		g = step(g)
	}
	show(g)
}
