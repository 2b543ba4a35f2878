package helper

// Mul multiplies.
func Mul(a, b int) int { return a * b }
