// run

// Package initialisation as gc runs it: each package's initialisation is
// called by the runtime, not by the package initialised after it. cfg's
// variable initializer prints the Go functions on its stack (those of
// this module: gc's own runtime frames are left out), which are its own
// and cfg.init only; store's `func init` then panics, and the trace shows
// store's frames and nothing of main's.

module example.com/initpanic

go 1.27
