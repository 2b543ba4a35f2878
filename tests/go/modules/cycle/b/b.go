package b

import "example.com/cycle/c"

var B = c.C + 1
