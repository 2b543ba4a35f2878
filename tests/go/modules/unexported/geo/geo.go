package shapes

type Rect struct {
	W float64
	h float64
}

type point struct{ x, y int }

func area(r Rect) float64 { return r.W * r.h }

func (r Rect) scale(k float64) Rect { return Rect{r.W * k, r.h * k} }
