// Package geometry has exported types with unexported helpers.
package geometry

import "example.com/nested/geometry/units"

// Shape is implemented by Rect and Circle.
type Shape interface {
	Area() float64
}

// Rect is a rectangle.
type Rect struct {
	W, H float64
	id   int
}

var made int

// NewRect counts the rectangles it makes.
func NewRect(w, h float64) Rect {
	made++
	return Rect{W: w, H: h, id: made}
}

func (r Rect) Area() float64 { return r.W * r.H }

func (r Rect) Perimeter() float64 { return 2 * sum(r.W, r.H) }

func sum(a, b float64) float64 { return a + b }

// Circle has a radius in meters.
type Circle struct {
	R units.Meters
}

func (c Circle) Area() float64 { return units.Pi * float64(c.R) * float64(c.R) }

// Count is how many rectangles NewRect made.
func Count() int { return made }
