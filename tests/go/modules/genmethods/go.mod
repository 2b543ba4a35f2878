module example.com/genmethods

go 1.27
