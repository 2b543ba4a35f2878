module example.com/gomod116
