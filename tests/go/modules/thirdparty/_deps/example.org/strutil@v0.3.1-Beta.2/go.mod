module example.org/strutil

go 1.20
