package a

import (
	_ "example.com/errmany/b"
	_ "example.com/nowhere/x"
)
