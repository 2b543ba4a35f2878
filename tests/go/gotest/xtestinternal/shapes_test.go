package shapes_test

import (
	"testing"

	"example.com/shapes"
	"example.com/shapes/internal/helper"
)

func TestArea(t *testing.T) {
	if got, want := shapes.Area(3, 4), helper.Mul(4, 3); got != want {
		t.Fatalf("Area(3, 4) = %d, want %d", got, want)
	}
}
