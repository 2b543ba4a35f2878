// Issue 15's benchmarks of generic code: see genbench_test.go and
// scripts/bench-seed (BENCH_DIR=bench/genbench).

module genbench

go 1.27
