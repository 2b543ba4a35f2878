package alpha

import "example.com/dotblank/plugins"

func init() { plugins.Register("alpha", func(x int) int { return x * x }) }
