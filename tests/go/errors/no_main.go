// errorcheck

// A main package without a main function.
package main

func helper() {}
