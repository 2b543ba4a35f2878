module cryptobench

go 1.27
