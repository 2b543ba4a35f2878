package main
type Node struct {
	next *Node
	val  int
}
type List []List
func main() {
	n := &Node{val: 1}
	n.next = n
	var l List
	_ = l
}
