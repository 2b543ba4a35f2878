package count

func Letters(s string) int { return len(s) }
