package time

func TestOnly() {}
