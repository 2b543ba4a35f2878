package stack

type Stack struct{ items []int }

func From(items []int) *Stack { return &Stack{items} }

func (s *Stack) Pop() int {
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x
}
