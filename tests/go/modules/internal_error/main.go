package main

import "example.com/internalerr/app"

func main() { app.Run() }
