package app

import (
	"fmt"

	"example.com/internalerr/store/internal/disk"
)

func Run() { fmt.Println(disk.Size) }
