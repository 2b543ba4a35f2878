package vm

import "example.com/panictrace/vm/go-stack"

// Machine runs programs on a stack.
type Machine struct {
	s *stack.Stack
}

func New(init []int) *Machine { return &Machine{stack.From(init)} }

// Run pops n values; past the bottom, a runtime error becomes a *Fault.
func (m *Machine) Run(n int) (sum int) {
	defer guard(n)
	each(n, func(i int) { sum += m.s.Pop() * i })
	return sum
}

func each(n int, f func(int)) {
	for i := 1; i <= n; i++ {
		f(i)
	}
}
