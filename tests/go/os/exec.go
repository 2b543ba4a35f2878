// run

// os/exec: fork and exec, exit codes, signals, pipes to and from the
// child (larger than a pipe's buffer), the environment and working
// directory given to it, a command that does not exist.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("echo", "hello", "from", "echo").Output()
	fmt.Printf("%q %v\n", out, err)
	err = exec.Command("sh", "-c", "exit 3").Run()
	var ee *exec.ExitError
	fmt.Println(err, errors.As(err, &ee), ee.ExitCode())
	cmd := exec.Command("sh", "-c", "echo out; echo err >&2; exit 0")
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	fmt.Println(cmd.Run(), so.String(), se.String(), cmd.ProcessState.ExitCode(), cmd.ProcessState.Success())
	cmd = exec.Command("cat")
	cmd.Stdin = strings.NewReader("piped through cat\n")
	out, err = cmd.CombinedOutput()
	fmt.Printf("%q %v\n", out, err)
	_, err = exec.Command("definitely-not-a-command-xyz").Output()
	fmt.Println(err)
	p, err := exec.LookPath("sh")
	fmt.Println(p != "", err)
	cmd = exec.Command("sh", "-c", "echo $FOO")
	cmd.Env = append(os.Environ(), "FOO=bar")
	out, _ = cmd.Output()
	fmt.Printf("%q\n", out)
	cmd = exec.Command("sh", "-c", "kill -9 $$")
	err = cmd.Run()
	fmt.Println(err)
	big, err := exec.Command("sh", "-c", "head -c 300000 /dev/zero").Output()
	fmt.Println(len(big), err)
	cmd = exec.Command("sh", "-c", "pwd")
	cmd.Dir = "/tmp"
	out, _ = cmd.Output()
	fmt.Printf("%q\n", out)
	c2 := exec.Command("sh", "-c", "read x; echo got $x")
	w, _ := c2.StdinPipe()
	r, _ := c2.StdoutPipe()
	c2.Start()
	w.Write([]byte("line\n"))
	w.Close()
	buf := make([]byte, 100)
	n, _ := r.Read(buf)
	fmt.Printf("%q %v\n", buf[:n], c2.Wait())
}
