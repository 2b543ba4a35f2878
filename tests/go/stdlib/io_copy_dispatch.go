// run

// io.Copy, CopyBuffer and CopyN use the source's WriteTo, else the
// destination's ReadFrom, else a buffer (32 KiB, less for a LimitedReader,
// 8 KiB into io.Discard): the reads and writes the other side sees show
// which. The WriterTo and ReaderFrom methods of strings.Reader,
// bytes.Reader, bytes.Buffer, bufio.Reader and bufio.Writer.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// src is a plain Reader that logs each read's buffer size and returns its
// data in chunks of at most chunk bytes.
type src struct {
	name  string
	data  string
	chunk int
}

func (s *src) Read(p []byte) (int, error) {
	fmt.Printf("  %s.Read(len %d)\n", s.name, len(p))
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.data)
	if n > s.chunk {
		n = s.chunk
	}
	s.data = s.data[n:]
	return n, nil
}

// dst is a plain Writer that logs each write.
type dst struct{ got []string }

func (d *dst) Write(p []byte) (int, error) {
	fmt.Printf("  dst.Write(%q)\n", p)
	d.got = append(d.got, string(p))
	return len(p), nil
}

// sdst also has WriteString.
type sdst struct{ dst }

func (d *sdst) WriteString(s string) (int, error) {
	fmt.Printf("  sdst.WriteString(%q)\n", s)
	return len(s), nil
}

// both is a WriterTo and a ReaderFrom, to see which Copy prefers.
type both struct{ src }

func (b *both) WriteTo(w io.Writer) (int64, error) {
	fmt.Println("  both.WriteTo")
	n, err := w.Write([]byte(b.data))
	return int64(n), err
}

func (b *both) ReadFrom(r io.Reader) (int64, error) {
	fmt.Println("  both.ReadFrom")
	return 0, nil
}

func (b *both) Write(p []byte) (int, error) { return len(p), nil }

func report(what string, n int64, err error) {
	fmt.Printf("%s: %d %v\n", what, n, err)
}

func main() {
	fmt.Println("plain to plain:")
	n, err := io.Copy(&dst{}, &src{name: "r", data: "hello, world", chunk: 5})
	report("copy", n, err)

	fmt.Println("WriterTo source wins:")
	n, err = io.Copy(&both{}, &both{src: src{data: "via WriteTo"}})
	report("copy", n, err)

	fmt.Println("ReaderFrom destination:")
	n, err = io.Copy(&both{}, &src{name: "r", data: "x", chunk: 1})
	report("copy", n, err)

	fmt.Println("strings.Reader to a StringWriter:")
	n, err = io.Copy(&sdst{}, strings.NewReader("one string"))
	report("copy", n, err)

	fmt.Println("strings.Reader to a Writer:")
	sr := strings.NewReader("skip:rest")
	sr.Seek(5, io.SeekStart)
	n, err = io.Copy(&dst{}, sr)
	report("copy", n, err)
	n, err = io.Copy(&dst{}, sr)
	report("again", n, err)

	fmt.Println("bytes.Reader:")
	n, err = io.Copy(&dst{}, bytes.NewReader([]byte("bytes reader")))
	report("copy", n, err)

	fmt.Println("into bytes.Buffer (ReadFrom):")
	var buf bytes.Buffer
	n, err = io.Copy(&buf, &onceEOF{"all at once"})
	report("copy", n, err)
	fmt.Printf("buf %q\n", buf.String())

	fmt.Println("from bytes.Buffer (WriteTo):")
	n, err = io.Copy(&dst{}, &buf)
	report("copy", n, err)
	fmt.Println("buf len", buf.Len())

	fmt.Println("into io.Discard:")
	n, err = io.Copy(io.Discard, &src{name: "r", data: "discarded", chunk: 100})
	report("copy", n, err)

	fmt.Println("CopyN:")
	n, err = io.CopyN(&dst{}, &src{name: "r", data: "0123456789", chunk: 100}, 4)
	report("copyN 4", n, err)
	n, err = io.CopyN(&dst{}, &src{name: "r", data: "abc", chunk: 100}, 10)
	report("copyN 10", n, err)
	n, err = io.CopyN(&dst{}, strings.NewReader("limited"), 3)
	report("copyN strings", n, err)

	fmt.Println("CopyBuffer:")
	n, err = io.CopyBuffer(&dst{}, &src{name: "r", data: "abcdefg", chunk: 100}, make([]byte, 3))
	report("copyBuffer", n, err)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		io.CopyBuffer(&dst{}, &src{name: "r"}, []byte{})
	}()

	fmt.Println("bufio.Writer (ReadFrom):")
	d := &dst{}
	bw := bufio.NewWriterSize(d, 16)
	bw.WriteString("ab")
	n, err = io.Copy(bw, &src{name: "r", data: "0123456789abcdefghij", chunk: 7})
	report("copy", n, err)
	fmt.Println("buffered", bw.Buffered())
	bw.Flush()

	fmt.Println("bufio.Writer over a ReaderFrom:")
	var inner bytes.Buffer
	bw = bufio.NewWriter(&inner)
	n, err = io.Copy(bw, &onceEOF{"handed over"})
	report("copy", n, err)
	fmt.Printf("inner %q, buffered %d\n", inner.String(), bw.Buffered())

	fmt.Println("bufio.Reader (WriteTo):")
	br := bufio.NewReaderSize(&src{name: "r", data: "0123456789abcdefghijklmnopqrstuvwxyz", chunk: 10}, 16)
	c, _ := br.ReadByte()
	fmt.Printf("first %q\n", c)
	n, err = io.Copy(&dst{}, br)
	report("copy", n, err)

	fmt.Println("bufio.Reader over a WriterTo:")
	br = bufio.NewReaderSize(strings.NewReader("0123456789abcdefghijklmnopqrstuvwxyz"), 16)
	c, _ = br.ReadByte()
	fmt.Printf("first %q\n", c)
	n, err = io.Copy(&dst{}, br)
	report("copy", n, err)

	fmt.Println("bufio.Reader.Read, large buffer:")
	br = bufio.NewReaderSize(&src{name: "r", data: "direct read into p", chunk: 100}, 16)
	p := make([]byte, 32)
	k, err := br.Read(p)
	fmt.Printf("%q %v\n", p[:k], err)
	br = bufio.NewReaderSize(&src{name: "r", data: "small read", chunk: 100}, 16)
	k, err = br.Read(p[:4])
	fmt.Printf("%q %v buffered %d\n", p[:k], err, br.Buffered())

	fmt.Println("io.WriteString:")
	io.WriteString(&sdst{}, "to WriteString")
	io.WriteString(&dst{}, "to Write")

	fmt.Println("ReadAt and Seek:")
	for _, r := range []interface {
		io.ReaderAt
		io.ReadSeeker
	}{strings.NewReader("0123456789"), bytes.NewReader([]byte("0123456789"))} {
		q := make([]byte, 4)
		k, err := r.ReadAt(q, 3)
		fmt.Printf("%q %v ", q[:k], err)
		k, err = r.ReadAt(q, 8)
		fmt.Printf("%q %v ", q[:k], err)
		k, err = r.ReadAt(q, 10)
		fmt.Printf("%q %v ", q[:k], err)
		_, err = r.ReadAt(q, -1)
		fmt.Println(err)
		pos, err := r.Seek(-3, io.SeekEnd)
		fmt.Print(pos, err, " ")
		pos, err = r.Seek(1, io.SeekCurrent)
		fmt.Print(pos, err, " ")
		k, err = r.Read(q)
		fmt.Printf("%q %v ", q[:k], err)
		_, err = r.Seek(-1, io.SeekStart)
		fmt.Print(err, " ")
		_, err = r.Seek(0, 7)
		fmt.Println(err)
	}
}

// onceEOF returns all its data with io.EOF in one read.
type onceEOF struct{ data string }

func (o *onceEOF) Read(p []byte) (int, error) {
	fmt.Printf("  onceEOF.Read(len %d)\n", len(p))
	n := copy(p, o.data)
	o.data = o.data[n:]
	return n, io.EOF
}
