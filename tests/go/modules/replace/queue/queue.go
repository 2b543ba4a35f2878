package queue

type Queue struct{ items []int }

func (q *Queue) Put(x int) { q.items = append(q.items, x) }

func (q *Queue) Get() int {
	x := q.items[0]
	q.items = q.items[1:]
	return x
}

func (q *Queue) Len() int { return len(q.items) }

func Origin() string { return "queue" }
