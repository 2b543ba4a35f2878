package main
func f() (int, string) { return 1 }
func g() int { return 1, 2 }
func h() { return 1 }
func main() {}
