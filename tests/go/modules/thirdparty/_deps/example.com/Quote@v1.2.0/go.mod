module example.com/Quote

go 1.21

require example.org/strutil v0.3.1-Beta.2
