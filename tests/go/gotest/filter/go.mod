// run
// deft-test: -v -run=Sub/^(a|c)$|Top -count=2

module example.com/filter

go 1.27
