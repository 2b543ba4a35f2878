// run
// deft-stdin: stdin.input

// Standard input read through upstream os (bufio.Scanner, then io.ReadAll
// at its end), the environment (Setenv, LookupEnv, Unsetenv, Environ,
// Expand), and what the process knows of itself.

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	fmt.Println(os.Args[1:])
	fmt.Println(os.Getenv("HOME") != "")
	os.Setenv("OSUP_TEST", "value=1")
	val, ok := os.LookupEnv("OSUP_TEST")
	fmt.Println(val, ok)
	os.Unsetenv("OSUP_TEST")
	_, ok = os.LookupEnv("OSUP_TEST")
	fmt.Println(ok)
	found := false
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PATH=") {
			found = true
		}
	}
	fmt.Println(found, os.ExpandEnv("x${OSUP_NONE}y"), os.Expand("$a-$b", func(s string) string { return strings.ToUpper(s) }))
	fmt.Println(os.Setenv("", "x"))
	sc := bufio.NewScanner(os.Stdin)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	sort.Strings(lines)
	fmt.Println(lines)
	rest, err := io.ReadAll(os.Stdin)
	fmt.Println(len(rest), err)
	wd, err := os.Getwd()
	fmt.Println(wd != "", err)
	host, err := os.Hostname()
	fmt.Println(host != "", err)
	fmt.Println(os.Getpid() > 0, os.Getuid() >= 0)
}
