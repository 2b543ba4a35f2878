// run

// An ASCII Mandelbrot set: float64 iteration, escape counts mapped to
// characters, one line of text per row.
package main

func main() {
	const chars = " .:-=+*#%@"
	for y := 0; y < 24; y++ {
		line := ""
		for x := 0; x < 72; x++ {
			cr := -2.2 + float64(x)*3.2/72
			ci := -1.2 + float64(y)*2.4/24
			zr, zi := 0.0, 0.0
			n := 0
			for ; n < 50 && zr*zr+zi*zi <= 4; n++ {
				zr, zi = zr*zr-zi*zi+cr, 2*zr*zi+ci
			}
			line += chars[n%10 : n%10+1]
		}
		println(line)
	}
}
