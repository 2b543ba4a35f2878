package main

import (
	"fmt"

	"example.com/internal/internal/config"
	"example.com/internal/store"
	"example.com/internal/store/cache"
)

func main() {
	s := store.New(config.Name)
	s.Put("k", "v")
	fmt.Println(s.Get("k"), cache.Hits(s, "k"), cache.Hits(s, "x"), config.Name)
}
