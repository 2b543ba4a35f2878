package beta

import "example.com/dotblank/plugins"

func init() { plugins.Register("beta", func(x int) int { return -x }) }
