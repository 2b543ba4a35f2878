// run
// deft-test: -json -count=1 -p=1 ./...

module example.com/jsonlist

go 1.27
