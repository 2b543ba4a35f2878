module example.com/gomod121

go 1.21.5
