package xtestinternal

// Three is 3.
func Three() int { return 3 }
