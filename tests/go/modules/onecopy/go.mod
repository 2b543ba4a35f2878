// run

// One copy of each package: counter is imported by main, by left and by
// right (a diamond), and through the renamed import c2; its variables
// exist once and its init runs once.

module example.com/onecopy

go 1.27
