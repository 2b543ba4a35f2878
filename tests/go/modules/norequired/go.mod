// errorcheck

// An import that no module provides: example.org/colour is not the main
// module, and go.mod requires no module whose path is a prefix of it. The
// go command says how to add one.

module example.com/norequired

go 1.27
