package plugins

import "sort"

var registry = map[string]func(int) int{}

func Register(name string, f func(int) int) { registry[name] = f }

func Names() []string {
	var names []string
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func Run(name string, x int) int { return registry[name](x) }
