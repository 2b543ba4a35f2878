// run

// replace directives to local paths: example.com/stack (required at a
// version no cache holds) is replaced by the directory ./third_party/stack,
// and example.com/queue, required at v0.0.0, by ./queue. A replaced
// module needs no go.sum line; its own go line is its language version.

module example.com/replace

go 1.27

require (
	example.com/queue v0.0.0
	example.com/stack v1.4.0
)

replace example.com/stack v1.4.0 => ./third_party/stack

replace example.com/queue => ./queue
