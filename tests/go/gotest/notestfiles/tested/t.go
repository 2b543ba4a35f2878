package tested

func H() int { return 3 }
