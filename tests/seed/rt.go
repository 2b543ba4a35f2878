// Package runtime is the package under test of scripts/seed-tests: module
// rt, whose import path is rt and whose name is runtime, so that the
// seed's runtime/defer_test.go and runtime/callers_test.go of Go 1.19
// (package runtime_test, read from the Go distribution at test time) are
// its external test package as they are runtime's, and their functions
// are named rt_test.X in tracebacks.
package runtime
