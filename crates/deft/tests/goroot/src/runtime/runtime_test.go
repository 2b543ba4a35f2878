package runtime

func TestOnly() {}
