package main

func archBits() int { return -64 }
