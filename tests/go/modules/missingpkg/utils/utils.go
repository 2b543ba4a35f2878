package utils

import "example.com/missingpkg/util"

func Twice(n int) int { return util.Add(n, n) }
