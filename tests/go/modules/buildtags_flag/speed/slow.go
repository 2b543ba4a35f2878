//go:build !fast || slow

package speed

func Name() string { return "slow" }
