package wisdom

import "example.org/strutil"

type Saying struct {
	Text string
	Len  int
}

func Today() Saying {
	s := "Clear is better than clever."
	return Saying{strutil.Reverse(s), len(s)}
}
