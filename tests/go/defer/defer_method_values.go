// run

// Deferred method calls: the receiver and arguments are evaluated at the
// defer statement, for value and pointer receivers and method values.
package main

type Counter struct {
	name string
	n    int
}

func (c Counter) Show(tag string) { println(tag, c.name, c.n) }

func (c *Counter) ShowPtr(tag string) { println(tag, c.name, c.n) }

func (c *Counter) Inc() { c.n++ }

func main() {
	c := Counter{"c", 1}
	defer c.Show("value receiver copied at defer:")
	defer c.ShowPtr("pointer receiver sees final:")
	m := c.Show
	defer m("method value bound at creation:")
	defer c.Inc()
	c.n = 10
	c.Inc()
	println("body end", c.n)
}
