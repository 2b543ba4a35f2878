package shapes

import "example.com/varinit/registry"

var triangle = shape{"triangle", 3 + registry.Note("triangle")*0}

var all = []shape{square, triangle}

func count() int { return len(all) + registry.Note("count")*0 }

func Names() []string {
	var n []string
	for _, s := range all {
		n = append(n, s.name)
	}
	return n
}
