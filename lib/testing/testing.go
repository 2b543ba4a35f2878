// Package testing: what `deft test` runs tests, benchmarks and examples
// with. deft's own implementation of Go's package, written to behave as
// gc 1.27.3's does under `go test`: the same flags (registered on the
// flag package's command line, as `-test.v=true` and so on), the same
// output byte for byte (`=== RUN`, `--- FAIL: TestX (0.00s)` with the
// test's log indented below it, `PASS`/`FAIL`), the same exit codes.
//
// How a test runs (as in gc): every test function runs in a goroutine of
// its own started by Run, which waits for it. FailNow, Fatal and SkipNow
// end that goroutine with runtime.Goexit; the deferred code of tRunner
// then reports the test to its parent (flushToParent: a `--- FAIL` line
// and the test's buffered log, indented once more at each level) and
// signals Run. A panicking test reports itself and every test above it
// as failed, then panics again with the same value, which ends the
// process (`panic: X [recovered, repanicked]`). Without -test.v a test's
// log is kept in its buffer and shown only if it fails; with it, log
// lines are printed as they come and `--- PASS` lines too.
//
// `-test.v=test2json` (what `go test -json` runs the binary with) is -v
// marked up for the go command's converter to JSON (crates/deft/src/
// test2json.rs): a framing line (`=== RUN`, `--- PASS`, the final
// `PASS`) starts with ^V, the lines of an error (Error, Fatal) are
// wrapped in ^O ... ^N, and those bytes in a test's own output are
// escaped with ^[; a subtest's `--- PASS` line is printed when it ends
// instead of with its parent's, and `=== NAME` lines say whose output
// follows a subtest.
//
// Parallel tests pause in Parallel until their parent's function has
// returned, then run together, as gc's do; deft runs goroutines on one
// thread, so "together" means interleaved where they block.
package testing

import (
	"context"
	"flag"
	"fmt"
	"internal/testlog"
	"io"
	"math/rand"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The flags, as the go command passes them (`-test.NAME=VALUE`).
var (
	chatty       bool
	chattyJSON   bool // -test.v=test2json
	matchRun     string
	matchSkip    string
	matchBench   string
	benchTimeStr string
	count        = 1 // -test.count (countFlag) once parsed
	countFlag    uint
	parallel     int // accepted; parallel tests interleave on one thread
	timeout      time.Duration
	short        bool
	failFast     bool
	panicOnExit0 bool
	matchList    string
	benchMemory  bool
	cpuListStr   string
	shuffle      string
	flagsParsed  bool
)

// cpuList: -test.cpu, the GOMAXPROCS values every test and benchmark
// runs with, in turn (by default the current one).
var cpuList []int

// numFailed counts the failed tests, for -failfast.
var numFailed atomic.Int64

// running: the tests that are running, with their start times (for the
// timeout report).
var running sync.Map

// Init registers the testing flags (-test.v, -test.run, ...) on the
// command line's flag set, as gc's does: a test that defines flags of its
// own and calls flag.Parse (in TestMain, say) parses them together, and a
// test binary takes `-test.run X` as well as `-test.run=X`. MainStart
// calls it; calling it again does nothing.
func Init() {
	if flag.Lookup("test.v") != nil {
		return
	}
	flag.Var(chattyFlag{}, "test.v", "verbose: print additional output")
	flag.StringVar(&matchRun, "test.run", "", "run only tests and examples matching `regexp`")
	flag.StringVar(&matchSkip, "test.skip", "", "do not list or run tests matching `regexp`")
	flag.StringVar(&matchBench, "test.bench", "", "run only benchmarks matching `regexp`")
	flag.StringVar(&benchTimeStr, "test.benchtime", "1s", "run each benchmark for duration `d` or N times if `d` is of the form Nx")
	flag.UintVar(&countFlag, "test.count", 1, "run tests and benchmarks `n` times")
	flag.DurationVar(&timeout, "test.timeout", 0, "panic test binary after duration `d` (default 0, timeout disabled)")
	flag.BoolVar(&short, "test.short", false, "run smaller test suite to save time")
	flag.BoolVar(&failFast, "test.failfast", false, "do not start new tests after the first test failure")
	flag.BoolVar(&panicOnExit0, "test.paniconexit0", false, "panic on call to os.Exit(0)")
	flag.StringVar(&matchList, "test.list", "", "list tests, examples, and benchmarks matching `regexp` then exit")
	flag.BoolVar(&benchMemory, "test.benchmem", false, "print memory allocations for benchmarks")
	flag.StringVar(&cpuListStr, "test.cpu", "", "comma-separated `list` of cpu counts to run each test with")
	flag.StringVar(&shuffle, "test.shuffle", "off", "randomize the execution order of tests and benchmarks")
	flag.IntVar(&parallel, "test.parallel", runtime.GOMAXPROCS(0), "run at most `n` tests in parallel")
}

// chattyFlag is -test.v: a boolean, or `test2json` (see the package doc).
type chattyFlag struct{}

func (chattyFlag) IsBoolFlag() bool { return true }

func (chattyFlag) String() string {
	if chattyJSON {
		return "test2json"
	}
	return strconv.FormatBool(chatty)
}

func (chattyFlag) Set(value string) error {
	if value == "test2json" {
		chatty, chattyJSON = true, true
		return nil
	}
	b, err := strconv.ParseBool(value)
	if err != nil {
		return err
	}
	chatty, chattyJSON = b, false
	return nil
}

// parseFlags parses the command line once, unless the test's TestMain
// has (as gc's M.Run does), and reads what the flags say.
func parseFlags() {
	if flagsParsed {
		return
	}
	flagsParsed = true
	Init()
	if !flag.Parsed() {
		flag.Parse()
	}
	count = int(countFlag)
	parseCpuList()
}

func parseCpuList() {
	for _, val := range strings.Split(cpuListStr, ",") {
		val = strings.TrimSpace(val)
		if val == "" {
			continue
		}
		cpu, err := strconv.Atoi(val)
		if err != nil || cpu <= 0 {
			fmt.Fprintf(os.Stderr, "testing: invalid value %q for -test.cpu\n", val)
			os.Exit(1)
		}
		cpuList = append(cpuList, cpu)
	}
	if cpuList == nil {
		cpuList = append(cpuList, runtime.GOMAXPROCS(-1))
	}
}

// Short reports whether -test.short is set.
func Short() bool {
	parseFlags()
	return short
}

// Verbose reports whether -test.v is set.
func Verbose() bool {
	parseFlags()
	return chatty
}

// Testing reports whether the program is a test binary.
func Testing() bool { return true }

// CoverMode: deft measures no coverage.
func CoverMode() string { return "" }

// parseDuration parses a Go duration ("10m0s", "1.5s", "300ms").
func parseDuration(s string) (time.Duration, bool) {
	if s == "0" {
		return 0, true
	}
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var total float64
	for s != "" {
		i := 0
		for i < len(s) && (s[i] == '.' || s[i] >= '0' && s[i] <= '9') {
			i++
		}
		if i == 0 {
			return 0, false
		}
		v, err := strconv.ParseFloat(s[:i], 64)
		if err != nil {
			return 0, false
		}
		s = s[i:]
		j := 0
		for j < len(s) && s[j] != '.' && (s[j] < '0' || s[j] > '9') {
			j++
		}
		var unit float64
		switch s[:j] {
		case "ns":
			unit = 1
		case "us", "µs", "μs":
			unit = 1e3
		case "ms":
			unit = 1e6
		case "s":
			unit = 1e9
		case "m":
			unit = 60e9
		case "h":
			unit = 3600e9
		default:
			return 0, false
		}
		total += v * unit
		s = s[j:]
	}
	if neg {
		total = -total
	}
	return time.Duration(total), true
}

// The indentation of a test's output under its `--- FAIL` line.
const indent = "    "

// The markers of -test.v=test2json's output.
const (
	markFraming  byte = 0x16 // ^V: a framing line follows
	markErrBegin byte = 0x0f // ^O: an error's lines begin
	markErrEnd   byte = 0x0e // ^N: they end
	markEscape   byte = 0x1b // ^[: the next byte is not a marker
)

// framing: what starts a framing line (the marker with -test.v=test2json).
func framing() string {
	if chattyJSON {
		return string(markFraming)
	}
	return ""
}

// chattyPrinter prints the output of -test.v, with an `=== NAME` line
// whenever the test whose output comes changes.
type chattyPrinter struct {
	w        io.Writer
	mu       sync.Mutex
	lastName string
	json     bool // -test.v=test2json
}

func newChattyPrinter(w io.Writer) *chattyPrinter {
	return &chattyPrinter{w: w, json: chattyJSON}
}

// prefix: what starts p's framing lines (p may be nil: not chatty).
func (p *chattyPrinter) prefix() string {
	if p != nil && p.json {
		return string(markFraming)
	}
	return ""
}

// Updatef prints a line about the test testName (which it names).
func (p *chattyPrinter) Updatef(testName, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lastName = testName
	fmt.Fprintf(p.w, p.prefix()+format, args...)
}

// Printf prints output of test testName.
func (p *chattyPrinter) Printf(testName, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.lastName == "" {
		p.lastName = testName
	} else if p.lastName != testName {
		fmt.Fprintf(p.w, "%s=== NAME  %s\n", p.prefix(), testName)
		p.lastName = testName
	}
	fmt.Fprintf(p.w, format, args...)
}

// common is what T and B share: the state of one test or benchmark.
type common struct {
	mu       sync.RWMutex
	output   []byte    // buffered output, indented for the parent
	w        io.Writer // where flushToParent writes: the parent's buffer, or stdout
	partial  []byte    // an unfinished line written through Output
	chatty   *chattyPrinter
	bench    bool
	name     string
	parent   *common
	level    int
	creator  []uintptr // where Run was called, for Helper across subtests
	runner   string    // tRunner's function name, where frame walks stop
	helpers  map[string]bool
	cleanups []func()

	ctx       context.Context // made by the first Context call
	cancelCtx context.CancelFunc

	failed         bool
	skipped        bool
	finished       bool // the function returned, or ended by FailNow/SkipNow
	done           bool // the test and its subtests are over
	ran            bool // a test (not a group) ran
	hasSub         atomic.Bool
	cleanupStarted atomic.Bool
	isParallel     bool
	denyParallel   bool // Setenv was called: the test changes the whole process

	tempDirMu  sync.Mutex
	tempDir    string // the parent of the test's TempDirs, once made
	tempDirErr error
	tempDirSeq int

	start    time.Time
	duration time.Duration
	barrier  chan bool // closed when parallel subtests may run
	signal   chan bool // the test is over (false: a parent called FailNow)
	sub      []*T      // parallel subtests, waited for at the end
}

// TB is the interface common to T and B.
type TB interface {
	Cleanup(func())
	Error(args ...any)
	Errorf(format string, args ...any)
	Fail()
	FailNow()
	Failed() bool
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Log(args ...any)
	Logf(format string, args ...any)
	Name() string
	Skip(args ...any)
	SkipNow()
	Skipf(format string, args ...any)
	Skipped() bool
	Output() io.Writer
	Setenv(key, value string)
	TempDir() string
	Chdir(dir string)
	Context() context.Context

	private()
}

var (
	_ TB = (*T)(nil)
	_ TB = (*B)(nil)
)

func (c *common) private() {}

// Name: the test's name, with its parents' (`TestX/sub`).
func (c *common) Name() string { return c.name }

// Fail marks the test (and its parents) failed; it goes on running.
func (c *common) Fail() {
	if c.parent != nil {
		c.parent.Fail()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		panic("Fail in goroutine after " + c.name + " has completed")
	}
	c.failed = true
}

// Failed reports whether the test has failed.
func (c *common) Failed() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.failed
}

// FailNow marks the test failed and ends it (runtime.Goexit: deferred
// calls run, then the next test starts). Call it from the test's own
// goroutine.
func (c *common) FailNow() {
	c.Fail()
	c.mu.Lock()
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

func (c *common) isFinished() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.finished
}

// log writes s to the test's output, prefixed with the file and line of
// the call of the exported method that called log (always at the same
// depth: callSite, log, the method); isErr: it reports an error.
func (c *common) log(s string, isErr bool) {
	s = strings.TrimSuffix(s, "\n")
	s = strings.ReplaceAll(s, "\n", "\n"+indent)
	s += "\n"
	n := c.destination()
	if n == nil {
		panic("Log in goroutine after " + c.name + " has completed: " + s)
	}
	s = n.callSite(3) + s
	n.flushPartial()
	n.writeOutput([]byte(s), isErr)
}

// destination: the test output goes to, c if it is still running, else
// its nearest running parent (nil when none is).
func (c *common) destination() *common {
	for t := c; t != nil; t = t.parent {
		t.mu.RLock()
		done := t.done
		t.mu.RUnlock()
		if !done {
			return t
		}
	}
	return nil
}

// callSite: `file.go:LINE: ` of the caller skip frames up (past helpers).
func (c *common) callSite(skip int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	frame := c.frameSkip(skip)
	file, line := frame.File, frame.Line
	if file == "" {
		file = "???"
	} else if i := strings.LastIndex(file, "/"); i >= 0 {
		file = file[i+1:]
	}
	if line == 0 {
		line = 1
	}
	return file + ":" + strconv.Itoa(line) + ": "
}

// frameSkip: the first frame skip frames up from frameSkip's caller that
// is not in a function marked by Helper; a walk that reaches the test's
// runner goes on from where Run was called, with the parent's helpers.
// Precondition: c.mu is held.
func (c *common) frameSkip(skip int) runtime.Frame {
	var pc [50]uintptr
	n := runtime.Callers(skip+2, pc[:])
	if n == 0 {
		return runtime.Frame{}
	}
	frames := runtime.CallersFrames(pc[:n])
	var first runtime.Frame
	haveFirst := false
	for {
		frame, more := frames.Next()
		if !haveFirst {
			first = frame
			haveFirst = true
		}
		if frame.Function == c.runner && c.parent != nil && len(c.creator) > 0 {
			// The test function was a helper: go on in the parent test,
			// from the call of Run.
			parent := c.parent
			c.mu.Unlock()
			parent.mu.Lock()
			helpers := parent.helpers
			parent.mu.Unlock()
			c.mu.Lock()
			outer := runtime.CallersFrames(c.creator)
			for {
				f, more := outer.Next()
				if !helpers[f.Function] {
					return f
				}
				if !more {
					break
				}
			}
			return first
		}
		if frame.Function == c.runner {
			return first
		}
		if !c.helpers[frame.Function] {
			return frame
		}
		if !more {
			break
		}
	}
	return first
}

// writeOutput writes complete lines s to the test's output: printed at
// once with -test.v while the test runs, buffered otherwise. isErr: the
// lines are an error's.
func (c *common) writeOutput(s []byte, isErr bool) {
	first := true
	for len(s) > 0 {
		end := len(s)
		for i, b := range s {
			if b == '\n' {
				end = i + 1
				break
			}
		}
		c.writeLine(s[:end], isErr && first, isErr && end == len(s))
		s = s[end:]
		first = false
	}
}

// writeLine writes one line; errBegin and errEnd: it is the first and
// the last line of an error (marked with -test.v=test2json).
func (c *common) writeLine(b []byte, errBegin, errEnd bool) {
	c.mu.Lock()
	if c.done || c.chatty == nil {
		c.output = append(c.output, indent...)
		c.output = append(c.output, b...)
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	var begin, end, nl string
	if c.chatty.json {
		b = escapeMarkers(b)
		if errBegin {
			begin = string(markErrBegin)
		}
		if errEnd {
			if len(b) > 0 && b[len(b)-1] == '\n' {
				b, nl = b[:len(b)-1], "\n"
			}
			end = string(markErrEnd)
		}
	}
	if c.bench {
		fmt.Printf("%s%s%s%s%s", begin, indent, b, end, nl)
	} else {
		c.chatty.Printf(c.name, "%s%s%s%s%s", begin, indent, b, end, nl)
	}
}

// escapeMarkers: b with each marker byte escaped.
func escapeMarkers(b []byte) []byte {
	var out []byte
	for i, ch := range b {
		switch ch {
		case markFraming, markErrBegin, markErrEnd, markEscape:
			if out == nil {
				out = append(out, b[:i]...)
			}
			out = append(out, markEscape, ch)
		default:
			if out != nil {
				out = append(out, ch)
			}
		}
	}
	if out == nil {
		return b
	}
	return out
}

// flushPartial ends an unfinished line written through Output.
func (c *common) flushPartial() {
	c.mu.Lock()
	partial := len(c.partial) > 0
	c.mu.Unlock()
	if partial {
		c.Output().Write([]byte("\n"))
	}
}

// outputWriter is the writer Output returns.
type outputWriter struct{ c *common }

func (o outputWriter) Write(p []byte) (int, error) {
	if o.c.destination() == nil {
		panic("Write called after " + o.c.name + " has completed")
	}
	o.c.mu.Lock()
	buf := append(o.c.partial, p...)
	o.c.partial = nil
	last := strings.LastIndex(string(buf), "\n") + 1
	o.c.partial = append(o.c.partial, buf[last:]...)
	o.c.mu.Unlock()
	o.c.writeOutput(buf[:last], false)
	return len(p), nil
}

// Output: a writer to the test's output, indented as log lines are but
// without a file and line.
func (c *common) Output() io.Writer {
	n := c.destination()
	if n == nil {
		panic("Output called after " + c.name + " has completed")
	}
	return outputWriter{n}
}

// flushToParent writes a line about c (format, args) and then c's
// buffered output to its parent: to standard output through the
// -test.v printer when the parent is the root, else into the parent's
// buffer, indented.
func (c *common) flushToParent(testName, format string, args ...any) {
	p := c.parent
	p.mu.Lock()
	defer p.mu.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.output) > 0 {
		format += "%s"
		args = append(args[:len(args):len(args)], c.output)
		c.output = c.output[:0]
	}
	if c.chatty != nil && (p.parent == nil || c.chatty.json) {
		// With -test.v=test2json a subtest's report is not held for its
		// parent's: the converter shows subtests as they end.
		c.chatty.Updatef(testName, format, args...)
	} else {
		fmt.Fprintf(p.w, c.chatty.prefix()+format, args...)
	}
}

// indenter writes into its test's buffer, each line indented.
type indenter struct{ c *common }

func (w indenter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		end := len(b)
		for i, ch := range b {
			if ch == '\n' {
				end = i + 1
				break
			}
		}
		line := b[:end]
		if line[0] == markFraming {
			w.c.output = append(w.c.output, markFraming)
			line = line[1:]
		}
		w.c.output = append(w.c.output, indent...)
		w.c.output = append(w.c.output, line...)
		b = b[end:]
	}
	return n, nil
}

// fmtDuration: d as go test prints it, "0.00s".
func fmtDuration(d time.Duration) string {
	return fmt.Sprintf("%.2fs", d.Seconds())
}

// Log formats its arguments as fmt.Sprintln does and writes them to the
// test's log.
func (c *common) Log(args ...any) { c.log(fmt.Sprintln(args...), false) }

// Logf formats its arguments as fmt.Sprintf does and writes them to the
// test's log.
func (c *common) Logf(format string, args ...any) { c.log(fmt.Sprintf(format, args...), false) }

// Error is Log followed by Fail.
func (c *common) Error(args ...any) {
	c.log(fmt.Sprintln(args...), true)
	c.Fail()
}

// Errorf is Logf followed by Fail.
func (c *common) Errorf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...), true)
	c.Fail()
}

// Fatal is Log followed by FailNow.
func (c *common) Fatal(args ...any) {
	c.log(fmt.Sprintln(args...), true)
	c.FailNow()
}

// Fatalf is Logf followed by FailNow.
func (c *common) Fatalf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...), true)
	c.FailNow()
}

// Skip is Log followed by SkipNow.
func (c *common) Skip(args ...any) {
	c.log(fmt.Sprintln(args...), false)
	c.SkipNow()
}

// Skipf is Logf followed by SkipNow.
func (c *common) Skipf(format string, args ...any) {
	c.log(fmt.Sprintf(format, args...), false)
	c.SkipNow()
}

// SkipNow marks the test skipped and ends it, as FailNow does.
func (c *common) SkipNow() {
	c.mu.Lock()
	c.skipped = true
	c.finished = true
	c.mu.Unlock()
	runtime.Goexit()
}

// Skipped reports whether the test was skipped.
func (c *common) Skipped() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.skipped
}

// Helper marks the calling function as a test helper: log lines name
// the line that called it instead.
func (c *common) Helper() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.helpers == nil {
		c.helpers = make(map[string]bool)
	}
	c.helpers[callerName(1)] = true
}

// callerName: the name of the function skip frames above the caller.
func callerName(skip int) string {
	var pc [1]uintptr
	n := runtime.Callers(skip+2, pc[:])
	if n == 0 {
		panic("testing: zero callers found")
	}
	frame, _ := runtime.CallersFrames(pc[:n]).Next()
	return frame.Function
}

// Cleanup registers f to run when the test and its subtests are over,
// the last registered first.
func (c *common) Cleanup(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cleanups = append(c.cleanups, f)
}

// Context returns a context canceled just before the cleanups run (as
// gc's, a child of context.Background, not of the parent test's). It is
// made by the first call; one made once the cleanups started is canceled
// already.
func (c *common) Context() context.Context {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ctx == nil {
		c.ctx, c.cancelCtx = context.WithCancel(context.Background())
		if c.cleanupStarted.Load() {
			c.cancelCtx()
		}
	}
	return c.ctx
}

// runCleanup cancels the test's context, then runs the cleanups, last
// first. With catch, a panic of a cleanup is recovered and returned (the
// remaining cleanups still run).
func (c *common) runCleanup(catch bool) (panicVal any) {
	c.cleanupStarted.Store(true)
	c.mu.Lock()
	cancel := c.cancelCtx
	c.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	if catch {
		defer func() {
			panicVal = recover()
		}()
	}
	// A cleanup that panics must not keep the others from running.
	defer func() {
		c.mu.Lock()
		left := len(c.cleanups)
		c.mu.Unlock()
		if left > 0 {
			c.runCleanup(false)
		}
	}()
	for {
		var cleanup func()
		c.mu.Lock()
		if n := len(c.cleanups); n > 0 {
			cleanup = c.cleanups[n-1]
			c.cleanups = c.cleanups[:n-1]
		}
		c.mu.Unlock()
		if cleanup == nil {
			return nil
		}
		cleanup()
	}
}

// T is the state of a test, given to Test functions.
type T struct {
	common
	tstate *testState
}

// testState: what the tests of one run share.
type testState struct {
	match *matcher
}

// Parallel signals that the test runs in parallel with the other parallel
// tests of its parent: it pauses until the parent's function returns.
func (t *T) Parallel() {
	if t.isParallel {
		panic("testing: t.Parallel called multiple times")
	}
	if t.denyParallel {
		panic(parallelConflict)
	}
	t.isParallel = true
	if t.parent.barrier == nil {
		// The root's tests and benchmarks do not run in parallel.
		return
	}
	t.duration += time.Since(t.start)
	t.parent.sub = append(t.parent.sub, t)
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== PAUSE %s\n", t.name)
	}
	running.Delete(t.name)
	t.signal <- true // Run may return: the test goes on later
	<-t.parent.barrier
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== CONT  %s\n", t.name)
	}
	running.Store(t.name, time.Now())
	t.start = time.Now()
}

// Deadline: when the test binary times out (-test.timeout).
func (t *T) Deadline() (deadline time.Time, ok bool) {
	if timeout <= 0 {
		return time.Time{}, false
	}
	return testDeadline, true
}

var testDeadline time.Time

var errNilPanicOrGoexit = fmt.Errorf("test executed panic(nil) or runtime.Goexit")

// tRunner runs fn(t) in the calling goroutine (a fresh one, started by
// Run) and reports the test when it ends, whichever way.
func tRunner(t *T, fn func(t *T)) {
	t.runner = callerName(0)
	defer func() {
		// A test that neither returned nor called FailNow or SkipNow
		// panicked (or called runtime.Goexit itself).
		err := recover()
		signal := true
		if !t.isFinished() && err == nil {
			err = errNilPanicOrGoexit
			for p := t.parent; p != nil; p = p.parent {
				if p.isFinished() {
					if !t.isParallel {
						t.Errorf("%v: subtest may have called FailNow on a parent test", err)
						err = nil
					}
					signal = false
					break
				}
			}
		}
		didPanic := false
		defer func() {
			// Report completion only when not panicking: the process
			// must not end before the panic is printed.
			if didPanic {
				return
			}
			if err != nil {
				panic(err)
			}
			running.Delete(t.name)
			t.signal <- signal
		}()
		doPanic := func(err any) {
			t.Fail()
			if r := t.runCleanup(true); r != nil {
				t.Logf("cleanup panicked with %v", r)
			}
			// Report this test and every test above it as failed before
			// the panic ends the process.
			for root := &t.common; root.parent != nil; root = root.parent {
				root.mu.Lock()
				root.duration += time.Since(root.start)
				d := root.duration
				root.mu.Unlock()
				root.flushPartial()
				root.flushToParent(root.name, "--- FAIL: %s (%s)\n", root.name, fmtDuration(d))
				if r := root.parent.runCleanup(true); r != nil {
					fmt.Fprintf(root.parent.w, "cleanup panicked with %v", r)
				}
			}
			didPanic = true
			panic(err)
		}
		if err != nil {
			doPanic(err)
		}
		t.duration += time.Since(t.start)
		if len(t.sub) > 0 {
			// Let the parallel subtests run, and wait for them.
			running.Delete(t.name)
			close(t.barrier)
			for _, sub := range t.sub {
				<-sub.signal
			}
			cleanupStart := time.Now()
			running.Store(t.name, cleanupStart)
			err := t.runCleanup(true)
			t.duration += time.Since(cleanupStart)
			if err != nil {
				doPanic(err)
			}
		}
		for root := &t.common; root.parent != nil; root = root.parent {
			root.flushPartial()
		}
		if t.Failed() {
			numFailed.Add(1)
		}
		t.report()
		t.mu.Lock()
		t.done = true
		t.mu.Unlock()
		if t.parent != nil && !t.hasSub.Load() {
			t.setRan()
		}
	}()
	defer func() {
		if len(t.sub) == 0 {
			t.runCleanup(false)
		}
	}()
	t.start = time.Now()
	fn(t)
	t.mu.Lock()
	t.finished = true
	t.mu.Unlock()
}

// setRan records that a test ran, in t and its parents.
func (c *common) setRan() {
	if c.parent != nil {
		c.parent.setRan()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ran = true
}

// report prints the test's `--- FAIL`, or with -test.v its `--- PASS`
// or `--- SKIP`, line and its output, to its parent.
func (t *T) report() {
	if t.parent == nil {
		return
	}
	dstr := fmtDuration(t.duration)
	format := "--- %s: %s (%s)\n"
	if t.Failed() {
		t.flushToParent(t.name, format, "FAIL", t.name, dstr)
	} else if t.chatty != nil {
		if t.Skipped() {
			t.flushToParent(t.name, format, "SKIP", t.name, dstr)
		} else {
			t.flushToParent(t.name, format, "PASS", t.name, dstr)
		}
	}
}

// Run runs f as a subtest of t named name, in a goroutine of its own,
// and waits until it ends (or calls Parallel). It reports whether f did
// not fail.
func (t *T) Run(name string, f func(t *T)) bool {
	if t.cleanupStarted.Load() {
		panic("testing: t.Run called during t.Cleanup")
	}
	t.hasSub.Store(true)
	testName, ok, _ := t.tstate.match.fullName(&t.common, name)
	if !ok || shouldFailFast() {
		return true
	}
	var pc [50]uintptr
	n := runtime.Callers(2, pc[:])
	sub := &T{
		common: common{
			barrier: make(chan bool),
			signal:  make(chan bool, 1),
			name:    testName,
			parent:  &t.common,
			level:   t.level + 1,
			creator: pc[:n],
			chatty:  t.chatty,
		},
		tstate: t.tstate,
	}
	sub.w = indenter{&sub.common}
	if sub.chatty != nil {
		sub.chatty.Updatef(sub.name, "=== RUN   %s\n", sub.name)
	}
	running.Store(sub.name, time.Now())
	go tRunner(sub, f)
	if !<-sub.signal {
		// A subtest called FailNow on a parent: go on ending the chain.
		runtime.Goexit()
	}
	if t.chatty != nil && t.chatty.json {
		t.chatty.Updatef(t.name, "=== NAME  %s\n", t.name)
	}
	return !sub.failed
}

func shouldFailFast() bool {
	return failFast && numFailed.Load() > 0
}

// InternalTest is a test function of the test binary (the generated
// main lists them).
type InternalTest struct {
	Name string
	F    func(*T)
}

// InternalBenchmark is a benchmark function of the test binary.
type InternalBenchmark struct {
	Name string
	F    func(b *B)
}

// M is what TestMain gets: Run runs the tests.
type M struct {
	importPath string
	tests      []InternalTest
	benchmarks []InternalBenchmark
	fuzz       []InternalFuzzTarget
	examples   []InternalExample
	timer      *time.Timer
	exitCode   int
	numRun     int
}

// MainStart is called by the generated main of a test binary. (gc's takes
// an internal interface first; deft's the package's import path.)
func MainStart(importPath string, tests []InternalTest, benchmarks []InternalBenchmark, fuzzTargets []InternalFuzzTarget, examples []InternalExample) *M {
	Init()
	return &M{importPath: importPath, tests: tests, benchmarks: benchmarks, fuzz: fuzzTargets, examples: examples}
}

// MainExitCode is what the generated main exits with after TestMain
// returns: the code of the last M.Run. (gc's main reads the field by
// reflection.)
func MainExitCode(m *M) int { return m.exitCode }

// Run runs the tests, examples and benchmarks; it returns the exit code
// (0 when all passed, 1 otherwise).
func (m *M) Run() (code int) {
	defer func() {
		code = m.exitCode
	}()
	m.numRun++
	parseFlags()
	if err := verifyPattern("-test.run", matchRun); err != nil {
		m.exitCode = 1
		return
	}
	if err := verifyPattern("-test.bench", matchBench); err != nil {
		m.exitCode = 1
		return
	}
	if err := verifyPattern("-test.skip", matchSkip); err != nil {
		m.exitCode = 1
		return
	}
	if matchList != "" {
		m.list()
		m.exitCode = 0
		return
	}
	if shuffle != "off" {
		// The order gc's gives: math/rand's generator is gc's, seed for seed.
		var n int64
		if shuffle == "on" {
			n = time.Now().UnixNano()
		} else {
			var err error
			n, err = strconv.ParseInt(shuffle, 10, 64)
			if err != nil {
				fmt.Fprintln(os.Stderr, `testing: -shuffle should be "off", "on", or a valid integer:`, err)
				m.exitCode = 2
				return
			}
		}
		fmt.Println("-test.shuffle", n)
		rng := rand.New(rand.NewSource(n))
		rng.Shuffle(len(m.tests), func(i, j int) { m.tests[i], m.tests[j] = m.tests[j], m.tests[i] })
		rng.Shuffle(len(m.benchmarks), func(i, j int) { m.benchmarks[i], m.benchmarks[j] = m.benchmarks[j], m.benchmarks[i] })
	}
	m.before()
	defer m.after()
	m.startAlarm()
	haveExamples = len(m.examples) > 0
	testRan, testOk := runTests(m.tests)
	fuzzRan, fuzzOk := runFuzzTests(m.fuzz)
	exampleRan, exampleOk := runExamples(m.examples)
	m.stopAlarm()
	if !testRan && !exampleRan && !fuzzRan && matchBench == "" {
		fmt.Fprintln(os.Stderr, "testing: warning: no tests to run")
	}
	anyFailed := !testOk || !exampleOk || !fuzzOk || !runBenchmarks(m.importPath, m.benchmarks)
	if anyFailed {
		fmt.Print(framing(), "FAIL\n")
		m.exitCode = 1
		return
	}
	m.exitCode = 0
	fmt.Print(framing(), "PASS\n")
	return
}

var haveExamples bool

// list prints the names -test.list matches.
func (m *M) list() {
	re, err := compileRegexp(matchList)
	if u, ok := err.(*unsupportedError); ok {
		fmt.Fprintf(os.Stderr, "testing: deft does not support -list pattern %q yet (%s)\n", matchList, u.what)
		os.Exit(1)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "testing: invalid regexp in -test.list (%q): %s\n", matchList, err)
		os.Exit(1)
	}
	for _, t := range m.tests {
		if re.matchString(t.Name) {
			fmt.Println(t.Name)
		}
	}
	for _, b := range m.benchmarks {
		if re.matchString(b.Name) {
			fmt.Println(b.Name)
		}
	}
	for _, f := range m.fuzz {
		if re.matchString(f.Name) {
			fmt.Println(f.Name)
		}
	}
	for _, e := range m.examples {
		if re.matchString(e.Name) {
			fmt.Println(e.Name)
		}
	}
}

// before and after bracket the tests: while they run, os.Exit(0) panics.
func (m *M) before() {
	if panicOnExit0 {
		testlog.SetPanicOnExit0(true)
	}
}

func (m *M) after() {
	testlog.SetPanicOnExit0(false)
}

// startAlarm arms -test.timeout: when it expires, the process panics
// with the list of running tests (and every goroutine's trace).
func (m *M) startAlarm() {
	if timeout <= 0 {
		return
	}
	testDeadline = time.Now().Add(timeout)
	m.timer = time.AfterFunc(timeout, func() {
		m.after()
		setTracebackAll()
		extra := ""
		if list := runningList(); len(list) > 0 {
			var b strings.Builder
			b.WriteString("\nrunning tests:")
			for _, name := range list {
				b.WriteString("\n\t")
				b.WriteString(name)
			}
			extra = b.String()
		}
		panic(fmt.Sprintf("test timed out after %v%s", timeout, extra))
	})
}

// setTracebackAll makes an unrecovered panic print every goroutine, as
// gc's debug.SetTraceback("all") (implemented by the runtime).
func setTracebackAll()

// runningList: the running tests, `name (duration)`, sorted.
func runningList() []string {
	var list []string
	running.Range(func(k, v any) bool {
		d := time.Since(v.(time.Time)).Round(time.Second)
		list = append(list, fmt.Sprintf("%s (%v)", k.(string), d))
		return true
	})
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j] < list[j-1]; j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
	return list
}

func (m *M) stopAlarm() {
	if m.timer != nil {
		m.timer.Stop()
	}
}

// runTests runs the tests -test.run selects, -test.count times; it
// reports whether any ran and whether all passed.
func runTests(tests []InternalTest) (ran, ok bool) {
	ok = true
	for _, procs := range cpuList {
		runtime.GOMAXPROCS(procs)
		for i := 0; i < count; i++ {
			if shouldFailFast() {
				break
			}
			if i > 0 && !ran {
				break
			}
			t := &T{
				common: common{
					signal:  make(chan bool, 1),
					barrier: make(chan bool),
					w:       os.Stdout,
				},
				tstate: &testState{match: newMatcher(matchRun, "-test.run", matchSkip)},
			}
			if chatty {
				t.chatty = newChattyPrinter(os.Stdout)
			}
			tRunner(t, func(t *T) {
				for _, test := range tests {
					t.Run(test.Name, test.F)
				}
			})
			select {
			case <-t.signal:
			default:
				panic("internal error: tRunner exited without sending on t.signal")
			}
			ok = ok && !t.Failed()
			ran = ran || t.ran
		}
	}
	return ran, ok
}
