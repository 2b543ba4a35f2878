// run
// deft-test: -v -shuffle=12345

module example.com/shuffle

go 1.27
