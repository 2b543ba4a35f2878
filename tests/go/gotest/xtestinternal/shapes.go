package shapes

import "example.com/shapes/internal/helper"

// Area of a w×h rectangle.
func Area(w, h int) int { return helper.Mul(w, h) }
