module example.com/gomod119

go 1.19
