package main

type responseWriter struct {
	c      Ptr
	status int
}

type conn struct {
	handler Handler
	pending []pendingHandler
}

type pendingHandler struct {
	w       *ResponseWriter
	r       *Request
	handler func(*Writer, *Request)
}

func (c *conn) schedule(w *responseWriter, r *Request, handler func(*ResponseWriter, *Request)) {
	c.pending = append(c.pending, pendingHandler{w: w, r: r, handler: handler})
}

func (c *conn) run() {
	for _, p := range c.pending {
		p.handler(p.w, p.r)
		c.handler.ServeHTTP(p.w, p.r)
		p.handler(p.w, p.r)
	}
}
