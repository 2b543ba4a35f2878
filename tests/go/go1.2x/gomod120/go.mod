module example.com/gomod120

go 1.20
