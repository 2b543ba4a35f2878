// The seed's headline benchmarks as a test package of deft's own: see
// seedbench_test.go and scripts/bench-seed.

module seedbench

go 1.27
