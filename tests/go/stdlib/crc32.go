// run

// Upstream hash/crc32 on amd64, whose assembly routines (castagnoliSSE42,
// castagnoliSSE42Triple, ieeeCLMUL) the runtime serves: IEEE, Castagnoli
// and Koopman checksums of short and long inputs, written in pieces.
package main

import (
	"fmt"
	"hash/crc32"
	"strings"
)

func main() {
	data := []byte(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 200))
	fmt.Printf("%08x %08x\n", crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)))
	fmt.Printf("%08x %08x\n", crc32.ChecksumIEEE(data[:7]), crc32.Checksum(data[:7], crc32.MakeTable(crc32.Koopman)))
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	for i := 0; i < len(data); i += 333 {
		h.Write(data[i:min(i+333, len(data))])
	}
	fmt.Printf("%08x %d\n", h.Sum32(), h.Size())
}
