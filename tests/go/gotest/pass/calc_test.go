package calc

import "testing"

func TestAdd(t *testing.T) {
	if got := Add(2, 3); got != 5 {
		t.Errorf("Add(2, 3) = %d, want 5", got)
	}
	t.Log("not shown: the test passes and -v is off")
}

func TestFib(t *testing.T) {
	for i, want := range []int{0, 1, 1, 2, 3, 5, 8, 13} {
		if got := Fib(i); got != want {
			t.Fatalf("Fib(%d) = %d, want %d", i, got, want)
		}
	}
}
