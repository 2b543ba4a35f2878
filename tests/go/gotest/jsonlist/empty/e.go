package empty

func F() {}
