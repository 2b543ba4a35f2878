// run

// Aliases of a type whose declaration reaches them again: the handler
// interface's method names the alias before the type it stands for is
// declared, and that type's fields name the alias again (the shape of
// net/http/internal/http2's api.go and server.go).

package main

import "fmt"

type Handler interface {
	ServeHTTP(*ResponseWriter, *Request)
}

// ResponseWriter stands for a type declared in another file.
type ResponseWriter = responseWriter

// Writer is an alias of the alias.
type Writer = ResponseWriter

// Ptr is an alias of a pointer to a type declared later.
type Ptr = *conn

type Request struct{ path string }

type HandlerFunc func(*ResponseWriter, *Request)

func (f HandlerFunc) ServeHTTP(w *ResponseWriter, r *Request) { f(w, r) }

func main() {
	c := &conn{}
	w := &responseWriter{c: c, status: 200}
	var h Handler = HandlerFunc(func(w *Writer, r *Request) {
		w.status = 404
		fmt.Println("serving", r.path)
	})
	c.handler = h
	c.schedule(w, &Request{path: "/a"}, func(w *responseWriter, r *Request) {
		fmt.Println("handler for", r.path, "status", w.status)
	})
	c.run()
	var p Ptr = w.c
	fmt.Println(p == c, w.status, len(c.pending))
	fmt.Printf("%T %T\n", c.pending[0].handler, p)
}
