package testing

// Examples: functions whose `// Output:` comment the go command (here
// deft's generated main) turned into InternalExample.Output. An example
// runs on the main goroutine with standard output captured (os.Stdout is
// a temporary file meanwhile: gc's testing uses a pipe and a goroutine
// that drains it; a file needs neither, and holds any amount), and passes when its
// output equals the comment's, both trimmed of surrounding white space
// (`// Unordered output:`: the same lines in any order).

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
)

// InternalExample is an example of the test binary.
type InternalExample struct {
	Name      string
	F         func()
	Output    string
	Unordered bool
}

// runExamples runs the examples -test.run selects.
func runExamples(examples []InternalExample) (ran, ok bool) {
	ok = true
	m := newMatcher(matchRun, "-test.run", matchSkip)
	for _, eg := range examples {
		_, matched, _ := m.fullName(nil, eg.Name)
		if !matched {
			continue
		}
		ran = true
		if !runExample(eg) {
			ok = false
		}
	}
	return ran, ok
}

func runExample(eg InternalExample) (ok bool) {
	if chatty {
		fmt.Printf("%s=== RUN   %s\n", framing(), eg.Name)
	}
	stdout := os.Stdout
	capture, err := os.CreateTemp("", "deft-example-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "testing: cannot capture the example's output:", err)
		os.Exit(1)
	}
	os.Stdout = capture
	finished := false
	start := time.Now()
	defer func() {
		timeSpent := time.Since(start)
		os.Stdout = stdout
		out := captured(capture)
		err := recover()
		ok = eg.processRunResult(out, timeSpent, finished, err)
	}()
	eg.F()
	finished = true
	return
}

// captured: what was written to the capture file f, which it removes.
func captured(f *os.File) string {
	f.Close()
	out, err := os.ReadFile(f.Name())
	os.Remove(f.Name())
	if err != nil {
		fmt.Fprintln(os.Stderr, "testing: cannot read the example's output:", err)
		os.Exit(1)
	}
	return string(out)
}

func (eg *InternalExample) processRunResult(stdout string, timeSpent time.Duration, finished bool, recovered any) (passed bool) {
	passed = true
	dstr := fmtDuration(timeSpent)
	var fail string
	got := strings.TrimSpace(stdout)
	want := strings.TrimSpace(eg.Output)
	if eg.Unordered {
		gotLines := strings.Split(got, "\n")
		wantLines := strings.Split(want, "\n")
		sort.Strings(gotLines)
		sort.Strings(wantLines)
		if strings.Join(gotLines, "\n") != strings.Join(wantLines, "\n") && recovered == nil {
			fail = fmt.Sprintf("got:\n%s\nwant (unordered):\n%s\n", stdout, eg.Output)
		}
	} else if got != want && recovered == nil {
		fail = fmt.Sprintf("got:\n%s\nwant:\n%s\n", got, want)
	}
	if fail != "" || !finished || recovered != nil {
		fmt.Printf("%s--- FAIL: %s (%s)\n%s", framing(), eg.Name, dstr, fail)
		passed = false
	} else if chatty {
		fmt.Printf("%s--- PASS: %s (%s)\n", framing(), eg.Name, dstr)
	}
	if recovered != nil {
		panic(recovered)
	} else if !finished {
		panic(errNilPanicOrGoexit)
	}
	return
}
