package registry

var order []string

// Note records that name was initialized and returns its length.
func Note(name string) int {
	order = append(order, name)
	return len(name)
}

func Order() []string { return order }
