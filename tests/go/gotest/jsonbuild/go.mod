// errorcheck
// deft-test: -json .

module example.com/jsonbuild

go 1.27
