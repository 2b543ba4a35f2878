package colors

type Color int

const (
	Red Color = 1 << iota
	Green
	Blue
)

func Mix(a, b Color) Color { return a | b }

func Name(c Color) string {
	switch c {
	case Red:
		return "red"
	case Green:
		return "green"
	}
	return "blue"
}
