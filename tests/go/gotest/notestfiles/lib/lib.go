package lib

func G() int { return 2 }
